import { createElement } from '@lwc/engine-dom'
import getTemplates from '@salesforce/apex/WaThreadController.getTemplates'
import WaTemplatePicker from 'c/waTemplatePicker'
import { apexFailure, byDataId, flushPromises } from 'test-utils'

jest.mock('@salesforce/apex/WaThreadController.getTemplates', () => ({ default: jest.fn() }), {
  virtual: true,
})

const TEMPLATES = require('../../waThread/__tests__/data/templates.json')

function mount() {
  const element = createElement('c-wa-template-picker', { is: WaTemplatePicker })
  document.body.appendChild(element)
  const composed = []
  element.addEventListener('compose', (event) => composed.push(event.detail.content))
  return { element, composed }
}

const $ = byDataId
const $$ = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)]
const text = (node) => node?.textContent.trim() ?? null
const choose = async (element, value) => {
  $(element, 'template-select').dispatchEvent(new CustomEvent('change', { detail: { value } }))
  await flushPromises()
}
const fill = async (element, index, value) => {
  $$(element, 'template-variable')[index].dispatchEvent(new CustomEvent('change', { detail: { value } }))
  await flushPromises()
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild)
  jest.resetAllMocks()
})

describe('c-wa-template-picker', () => {
  it('shows loading, then offers only approved templates', async () => {
    let resolve
    getTemplates.mockReturnValue(new Promise((r) => (resolve = r)))
    const { element } = mount()
    await Promise.resolve()
    expect($(element, 'templates-loading')).not.toBeNull()
    resolve(JSON.stringify(TEMPLATES))
    await flushPromises()
    expect($(element, 'template-select').options).toEqual([
      { label: 'order_update (pt_BR)', value: 'tpl-1' },
      { label: 'visit_store (en)', value: 'tpl-3' },
    ])
  })

  it('asks for every variable, previews the text and composes the template content', async () => {
    getTemplates.mockResolvedValue(JSON.stringify(TEMPLATES))
    const { element, composed } = mount()
    await flushPromises()
    await choose(element, 'tpl-1')
    expect($$(element, 'template-variable').map((i) => i.label)).toEqual(['Variable {{1}}', 'Variable {{2}}'])
    expect(text($(element, 'template-preview'))).toBe('Olá {{1}}, seu pedido {{2}} foi enviado.')
    expect($(element, 'template-send').disabled).toBe(true)

    await fill(element, 0, 'Ana')
    expect($(element, 'template-send').disabled).toBe(true)
    await fill(element, 1, '#123')
    expect(text($(element, 'template-preview'))).toBe('Olá Ana, seu pedido #123 foi enviado.')
    expect($(element, 'template-send').disabled).toBe(false)

    $(element, 'template-send').click()
    expect(composed).toEqual([
      {
        type: 'template',
        name: 'order_update',
        language: 'pt_BR',
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ana' },
              { type: 'text', text: '#123' },
            ],
          },
        ],
      },
    ])

    element.reset()
    await flushPromises()
    expect($$(element, 'template-variable').map((i) => i.value)).toEqual(['', ''])
  })

  it('names the parameters of a template with named variables', async () => {
    getTemplates.mockResolvedValue(JSON.stringify(TEMPLATES))
    const { element, composed } = mount()
    await flushPromises()
    await choose(element, 'tpl-3')
    await fill(element, 0, 'Loja Centro')
    $(element, 'template-send').click()
    expect(composed[0].components[0].parameters).toEqual([
      { type: 'text', text: 'Loja Centro', parameter_name: 'store' },
    ])
  })

  it('does not compose while a send is in flight', async () => {
    getTemplates.mockResolvedValue(JSON.stringify(TEMPLATES))
    const { element, composed } = mount()
    await flushPromises()
    await choose(element, 'tpl-3')
    await fill(element, 0, 'Loja Centro')
    element.sending = true
    await flushPromises()
    expect($(element, 'template-send').disabled).toBe(true)
    $(element, 'template-send').click()
    expect(composed).toEqual([])
  })

  it('says when there is no approved template', async () => {
    getTemplates.mockResolvedValue(JSON.stringify({ templates: [TEMPLATES.templates[1]] }))
    const { element } = mount()
    await flushPromises()
    expect(text($(element, 'templates-none'))).toBe(
      'No approved templates. An admin can sync them from WhatsApp Manager.',
    )
  })

  it('says why templates could not be loaded, and retry loads them', async () => {
    getTemplates
      .mockRejectedValueOnce(apexFailure({ kind: 'timeout' }))
      .mockResolvedValueOnce(JSON.stringify(TEMPLATES))
    const { element } = mount()
    await flushPromises()
    expect(text($(element, 'templates-error'))).toContain(
      "Couldn't load templates: The server took too long to answer.",
    )
    $(element, 'templates-retry').click()
    await flushPromises()
    expect($(element, 'templates-error')).toBeNull()
    expect($(element, 'template-select')).not.toBeNull()
  })
})
