// The Zoho CRM side of the embedded-app protocol, as the record page plays it for one widget frame:
// REGISTER → SET_CONTEXT, CRM_EVENT → EVENT_RESPONSE / EVENT_RESPONSE_FAILURE with the same
// promiseid, and PageLoad pushed to the frame. What an event does (read a record, run a connection
// call against the backend) is answered by the test through the `zohoCrmEvent` binding.
;(() => {
  const params = new URLSearchParams(location.search)
  const widgetUrl = params.get('widget')
  const widgetOrigin = new URL(widgetUrl).origin
  const frame = document.getElementById('widget')
  frame.src = `${widgetUrl}?serviceOrigin=${encodeURIComponent(location.origin)}`
  const uniqueID = `widget-${Math.random().toString(36).slice(2)}`
  let registered = false

  const post = (message) => frame.contentWindow.postMessage(message, widgetOrigin)

  window.addEventListener('message', async (event) => {
    if (event.origin !== widgetOrigin || event.source !== frame.contentWindow) return
    const message = event.data
    if (message?.type !== 'SDK.EVENT') return
    if (message.eventName === 'REGISTER') {
      registered = true
      post({ type: 'FRAMEWORK.EVENT', eventName: 'SET_CONTEXT', data: { uniqueID } })
      return
    }
    if (message.eventName !== 'CRM_EVENT') return
    const data0 = message.data || {}
    if (data0.category === 'UI' && data0.action === 'RESIZE') {
      // Zoho sizes the widget's frame as asked (within the page).
      const height = Number(data0.data?.height)
      if (height > 0) frame.style.height = `${Math.min(height, 4000)}px`
      post({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: message.promiseid, data: true })
      return
    }
    try {
      const data = await window.zohoCrmEvent(message.data)
      post({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: message.promiseid, data })
    } catch (error) {
      post({
        type: 'FRAMEWORK.EVENT',
        eventName: 'EVENT_RESPONSE_FAILURE',
        promiseid: message.promiseid,
        data: { code: 'ERROR', message: String(error?.message ? error.message : error) },
      })
    }
  })

  window.crmHarness = {
    isRegistered: () => registered,
    pageLoad(entity, entityId) {
      document.getElementById('record-title').textContent = `${entity} ${entityId}`
      post({ type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { Entity: entity, EntityId: entityId } })
    },
  }
})()
