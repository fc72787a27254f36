import { createElement } from '@lwc/engine-dom'
import addTag from '@salesforce/apex/WaThreadController.addTag'
import removeTag from '@salesforce/apex/WaThreadController.removeTag'
import WaTags from 'c/waTags'
import { apexFailure, flushPromises } from 'test-utils'

jest.mock('@salesforce/apex/WaThreadController.addTag', () => ({ default: jest.fn() }), { virtual: true })
jest.mock('@salesforce/apex/WaThreadController.removeTag', () => ({ default: jest.fn() }), { virtual: true })

const THREAD = require('../../waThread/__tests__/data/thread.json')
const RECORD_ID = '00Q000000000001AAA'
const CONTACT_ID = THREAD.contact.id

function mount(tags = THREAD.tags) {
  const element = createElement('c-wa-tags', { is: WaTags })
  Object.assign(element, { recordId: RECORD_ID, contactId: CONTACT_ID, tags })
  document.body.appendChild(element)
  const changes = []
  element.addEventListener('tagschange', (event) => {
    changes.push(event.detail.tags)
    element.tags = event.detail.tags
  })
  return { element, changes }
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`)
const type = async (element, value) => {
  $(element, 'tag-input').dispatchEvent(new CustomEvent('change', { detail: { value } }))
  await flushPromises()
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild)
  jest.resetAllMocks()
})

describe('c-wa-tags', () => {
  it('lists the tags as pills, or says there are none', () => {
    const { element } = mount()
    expect([...element.shadowRoot.querySelectorAll('lightning-pill')].map((p) => p.label)).toEqual([
      'VIP',
      'Follow up',
    ])
    const empty = mount([]).element
    expect($(empty, 'no-tags').textContent).toBe('No tags yet.')
  })

  it('adds a tag under a key made from its label and clears the input', async () => {
    const after = [
      ...THREAD.tags,
      {
        id: 't3',
        key: 'cliente_novo',
        label: 'Cliente Novo',
        source: 'manual',
        added_at: '2026-12-03T12:00:00Z',
      },
    ]
    addTag.mockResolvedValue(JSON.stringify({ tags: after }))
    const { element, changes } = mount()
    expect($(element, 'tag-add').disabled).toBe(true)

    await type(element, '  Cliente Novo ')
    expect($(element, 'tag-add').disabled).toBe(false)
    $(element, 'tag-add').click()
    await flushPromises()

    expect(addTag).toHaveBeenCalledWith({
      recordId: RECORD_ID,
      contactId: CONTACT_ID,
      key: 'cliente_novo',
      label: 'Cliente Novo',
    })
    expect(changes).toHaveLength(1)
    expect(changes[0].map((t) => t.key)).toEqual(['vip', 'follow_up', 'cliente_novo'])
    expect($(element, 'tag-input').value).toBe('')
  })

  it('gives a label without ASCII letters a stable key', async () => {
    addTag.mockResolvedValue(JSON.stringify([]))
    const { element } = mount()
    await type(element, '重要客户')
    $(element, 'tag-add').click()
    await flushPromises()
    const key = addTag.mock.calls[0][0].key
    expect(key).toMatch(/^tag_[a-z0-9]+$/)
    await type(element, '重要客户')
    $(element, 'tag-add').click()
    await flushPromises()
    expect(addTag.mock.calls[1][0].key).toBe(key)
  })

  it('removes a tag by its key', async () => {
    removeTag.mockResolvedValue(JSON.stringify({ tags: [THREAD.tags[1]] }))
    const { element, changes } = mount()
    element.shadowRoot
      .querySelector('lightning-pill[data-key="vip"]')
      .dispatchEvent(new CustomEvent('remove'))
    await flushPromises()
    expect(removeTag).toHaveBeenCalledWith({ recordId: RECORD_ID, contactId: CONTACT_ID, key: 'vip' })
    expect(changes[0].map((t) => t.key)).toEqual(['follow_up'])
  })

  it('refuses a label longer than 80 characters', async () => {
    const { element } = mount()
    await type(element, 'x'.repeat(81))
    expect($(element, 'tag-too-long').textContent).toBe('At most 80 characters.')
    expect($(element, 'tag-add').disabled).toBe(true)
  })

  it('says why a change failed and keeps the tags', async () => {
    addTag.mockRejectedValue(
      apexFailure({
        kind: 'http',
        status: 400,
        code: 'bad_request',
        message: 'Too many tags on this contact.',
      }),
    )
    const { element, changes } = mount()
    await type(element, 'vip2')
    $(element, 'tag-add').click()
    await flushPromises()
    expect($(element, 'tags-error').textContent).toBe(
      "Couldn't update the tags: Too many tags on this contact.",
    )
    expect(changes).toHaveLength(0)
    expect($(element, 'tag-input').value).toBe('vip2')
  })

  it('says tag editing is unavailable when the server has no tag route', async () => {
    removeTag.mockRejectedValue(
      apexFailure({ kind: 'http', status: 404, code: 'not_found', message: 'Not found' }),
    )
    const { element } = mount()
    element.shadowRoot.querySelector('lightning-pill').dispatchEvent(new CustomEvent('remove'))
    await flushPromises()
    expect($(element, 'tags-error').textContent).toBe('Editing tags is not available on the server yet.')
  })
})
