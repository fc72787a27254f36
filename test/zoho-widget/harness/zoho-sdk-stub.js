// Stands in for Zoho's embedded-app SDK (served at its CDN address in the browser tests). It speaks
// the SDK's frame protocol to the parent page: REGISTER on init, CRM_EVENT with a promise id per
// call, FRAMEWORK.EVENT answers. Like the SDK, it JSON-encodes a connection call's parameters and
// headers, and has no timeouts of its own.
;(() => {
  const serviceOrigin = new URLSearchParams(location.search).get('serviceOrigin')
  const handlers = {}
  const pending = new Map()
  let sequence = 0
  let initPromise = null
  let resolveInit = null

  window.addEventListener('message', (event) => {
    if (event.origin !== serviceOrigin) return
    const message = event.data
    if (message?.type !== 'FRAMEWORK.EVENT') return
    if (message.eventName === 'SET_CONTEXT') {
      if (resolveInit) resolveInit(message.data)
      return
    }
    if (message.eventName === 'EVENT_RESPONSE' || message.eventName === 'EVENT_RESPONSE_FAILURE') {
      const call = pending.get(message.promiseid)
      if (!call) return
      pending.delete(message.promiseid)
      if (message.eventName === 'EVENT_RESPONSE') call.resolve(message.data)
      else call.reject(message.data)
      return
    }
    for (const handler of handlers[message.eventName] || []) handler(message.data)
  })

  const crmEvent = (data) =>
    new Promise((resolve, reject) => {
      sequence += 1
      const promiseid = `Promise${sequence}`
      pending.set(promiseid, { resolve, reject })
      window.parent.postMessage(
        { type: 'SDK.EVENT', eventName: 'CRM_EVENT', promiseid, data: { sdkVersion: '1', ...data } },
        serviceOrigin,
      )
    })

  window.ZOHO = {
    embeddedApp: {
      on(eventName, handler) {
        handlers[eventName] = handlers[eventName] || []
        handlers[eventName].push(handler)
      },
      init() {
        if (!initPromise) {
          initPromise = new Promise((resolve) => {
            resolveInit = resolve
          })
          window.parent.postMessage(
            { type: 'SDK.EVENT', eventName: 'REGISTER', appOrigin: location.origin },
            serviceOrigin,
          )
        }
        return initPromise
      },
    },
    CRM: {
      API: {
        getRecord: (config) =>
          crmEvent({ category: 'READ', APIData: { Entity: config.Entity, RecordID: config.RecordID } }),
      },
      CONNECTION: {
        invoke: (connectionName, request) =>
          crmEvent({
            category: 'CRM_CONNECTION',
            connectionName,
            data: {
              ...request,
              parameters: JSON.stringify(request.parameters || {}),
              headers: JSON.stringify(request.headers || {}),
            },
          }),
      },
      CONFIG: { getCurrentUser: () => crmEvent({ category: 'CONFIG', Type: 'CURRENT_USER' }) },
      UI: { Resize: (size) => crmEvent({ category: 'UI', action: 'RESIZE', data: size }) },
    },
  }
})()
