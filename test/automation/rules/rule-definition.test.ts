import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES } from '../../../backend/src/automation/rules/default-pack'
import { lookBackMs, ruleInputSchema } from '../../../backend/src/automation/rules/rule-definition'
import { quickReplyCandidates } from '../../../backend/src/outbound/personalise/quick-reply-language'

const base = {
  key: 'r1',
  name: 'Rule',
  conditions: { all: [{ type: 'tag', tag: 'vip' }] },
  actions: [{ type: 'add_tag', tag: 'x' }],
}
const issues = (input: unknown) => {
  const r = ruleInputSchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('rule definition', () => {
  it('accepts a minimal rule and fills the defaults', () => {
    const r = ruleInputSchema.parse(base)
    expect(r).toMatchObject({
      trigger: 'message',
      enabled: true,
      position: 100,
      once_per_contact: false,
      stop: false,
    })
    expect(r.conditions.any).toEqual([])
  })

  it('ships a default pack that validates, with the windows it needs', () => {
    const parsed = DEFAULT_RULES.map((r) => ruleInputSchema.parse(r))
    expect(new Set(parsed.map((r) => r.key)).size).toBe(parsed.length)
    const churn = parsed.find((r) => r.key === 'churn_risk')
    expect(churn && lookBackMs(churn)).toBe(35 * 86_400_000)
  })

  it.each([
    [{ ...base, conditions: { all: [] } }, 'conditions: a rule needs at least one condition'],
    [{ ...base, actions: [] }, 'actions: Too small'],
    [{ ...base, key: 'Bad Key' }, 'key: use lowercase letters, digits, _ . -'],
    [
      { ...base, conditions: { all: [{ type: 'inactive', days: 60 }] } },
      'trigger: an inactive condition only makes sense on the schedule trigger',
    ],
    [
      {
        ...base,
        conditions: {
          all: [
            {
              type: 'count',
              match: { intents: ['quote'] },
              unit: 'mentions',
              window: { days: 7 },
              op: 'gt',
              value: 3,
            },
          ],
        },
      },
      'conditions.all.0.unit: counting mentions needs match.text',
    ],
    [
      {
        ...base,
        conditions: {
          all: [{ type: 'count', match: { intents: ['quote'] }, window: {}, op: 'gt', value: 3 }],
        },
      },
      'conditions.all.0.window: give days and/or hours',
    ],
    [
      {
        ...base,
        conditions: {
          all: [{ type: 'count', match: { intents: ['quote'] }, window: { days: 400 }, op: 'gt', value: 3 }],
        },
      },
      'conditions.all.0.window.days: Too big',
    ],
    [
      { ...base, conditions: { all: [{ type: 'message', match: { text: { regex: '(a+' } } }] } },
      'conditions.all.0.match.text.regex: not a valid RE2 pattern',
    ],
    [
      {
        ...base,
        conditions: { all: [{ type: 'message', match: { text: { terms: { pt: ['des*conto'] } } } }] },
      },
      'conditions.all.0.match.text.terms.pt.0: "des*conto": * may only end a word',
    ],
    [
      { ...base, conditions: { all: [{ type: 'message', match: {} }] } },
      'conditions.all.0.match: give at least one of',
    ],
    [
      { ...base, conditions: { all: [{ type: 'message', match: { intents: ['gossip'] } }] } },
      'conditions.all.0.match.intents.0: Invalid option',
    ],
    [
      { ...base, conditions: { all: [{ type: 'contact', field: 'segment', op: 'eq', value: 'vip' }] } },
      'conditions.all.0.value: segment is one of new, potential',
    ],
    [
      {
        ...base,
        conditions: { all: [{ type: 'contact', field: 'favourite_colour', op: 'eq', value: 'red' }] },
      },
      'conditions.all.0.field',
    ],
    [
      { ...base, conditions: { all: [{ type: 'contact', field: 'sentiment', op: 'lt' }] } },
      'conditions.all.0.value: lt needs a value',
    ],
    [{ ...base, actions: [{ type: 'send_discount_code', pool: 'discount_10' }] }, 'actions.0'],
    [{ ...base, surprise: true }, 'Unrecognized key'],
  ])('rejects %j with a clear message', (input, message) => {
    expect(issues(input).join(' | ')).toContain(message)
  })
})

describe('quick reply keys per language', () => {
  it('tries the contact’s language first, then the base key', () => {
    expect(quickReplyCandidates('store_location', 'pt')).toEqual(['store_location_pt', 'store_location'])
    expect(quickReplyCandidates('store_location', 'pt-BR')).toEqual(['store_location_pt', 'store_location'])
    expect(quickReplyCandidates('store_location', null)).toEqual(['store_location'])
    expect(quickReplyCandidates('store_location', 'unknown')).toEqual(['store_location'])
  })
})
