import { describe, expect, it } from 'vitest'
import type { CardTemplate } from '../../api/schemas'
import { contactVariables, renderQuickReply, variablesOf } from '../quick-reply'
import { tagKeyOf } from '../tag-key'
import { renderTemplate, templateContent, templateVariables } from '../template'
import { isHttpsUrl } from '../urls'
import { isWindowOpen, timeLeft } from '../window'

const template = (text: string | null, bodyParams = 0): CardTemplate => ({
  id: 't',
  name: 'n',
  language: 'en',
  category: 'utility',
  status: 'APPROVED',
  body_params: bodyParams,
  components: text === null ? [] : [{ type: 'BODY', text }],
})

describe('quick replies', () => {
  it('lists variables once, in order', () => {
    expect(variablesOf('Hi {{first_name}}, {{ agent }} here. Bye {{first_name}}')).toEqual([
      'first_name',
      'agent',
    ])
  })

  it('fills typed values, then the contact, then defaults, and reports the rest', () => {
    const vars = contactVariables({ name: null, profile_name: 'João  Pedro', phone: '+5511999990000' })
    expect(vars).toEqual({ name: 'João  Pedro', first_name: 'João', phone: '+5511999990000' })
    expect(
      renderQuickReply('{{first_name}}/{{a}}/{{b}}/{{c}}', { a: 'typed' }, vars, { a: 'd', b: 'def' }),
    ).toEqual({
      text: 'João/typed/def/{{c}}',
      missing: ['c'],
    })
  })
})

describe('templates', () => {
  it('reads positional variables in numeric order', () => {
    expect(templateVariables(template('{{2}} then {{1}} then {{10}}'))).toEqual(['1', '2', '10'])
  })

  it('falls back to 1..body_params when the body text is missing', () => {
    expect(templateVariables(template(null, 2))).toEqual(['1', '2'])
  })

  it('sends named variables with parameter_name', () => {
    const t = template('Hi {{customer}}')
    expect(templateContent(t, { customer: 'Ana' })).toEqual({
      type: 'template',
      name: 'n',
      language: 'en',
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana', parameter_name: 'customer' }] }],
    })
    expect(renderTemplate(t, {})).toBe('Hi {{customer}}')
  })

  it('sends no components for a template without variables', () => {
    expect(templateContent(template('Hello'), {})).toEqual({ type: 'template', name: 'n', language: 'en' })
  })
})

describe('tag keys', () => {
  it('are lower-case ASCII with _ and -, and stable for labels without ASCII', () => {
    expect(tagKeyOf('  Cliente VIP São Paulo! ')).toBe('cliente_vip_sao_paulo')
    expect(tagKeyOf('重要客户')).toMatch(/^tag_[a-z0-9]+$/)
    expect(tagKeyOf('重要客户')).toBe(tagKeyOf('重要客户'))
  })
})

describe('window', () => {
  const now = Date.parse('2026-11-05T12:00:00Z')
  it('is open only while open_until is ahead', () => {
    expect(isWindowOpen({ state: 'open', open_until: '2026-11-05T13:00:00Z' }, now)).toBe(true)
    expect(isWindowOpen({ state: 'open', open_until: '2026-11-05T11:59:00Z' }, now)).toBe(false)
    expect(isWindowOpen({ state: 'closed', open_until: '2026-11-05T13:00:00Z' }, now)).toBe(false)
  })

  it('counts whole hours and minutes left', () => {
    expect(timeLeft('2026-11-05T17:12:59Z', now)).toEqual({ h: 5, m: 12 })
    expect(timeLeft('2026-11-05T12:00:20Z', now)).toEqual({ h: 0, m: 1 })
    expect(timeLeft('2026-11-05T11:00:00Z', now)).toBeNull()
  })
})

describe('links', () => {
  it('only https URLs are linked', () => {
    expect(isHttpsUrl('https://cdn.test/a.jpg')).toBe(true)
    expect(isHttpsUrl('http://cdn.test/a.jpg')).toBe(false)
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false)
    expect(isHttpsUrl('/relative')).toBe(false)
  })
})
