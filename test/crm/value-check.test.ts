import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toHubspotValue } from '../../backend/src/crm/hubspot/hubspot-properties'
import { toSalesforceValue } from '../../backend/src/crm/salesforce/salesforce-fields'

/** One set of checks, two ways of writing: what each CRM is sent, and what is refused before sending. */
describe('values checked before they go to a CRM', () => {
  const segment = { name: 'segment', type: 'enumeration' as const, options: ['new', 'customer'] }
  const tags = { name: 'tags', type: 'multi_enumeration' as const, options: ['a', 'b', 'c'] }

  it('writes instants the way each CRM reads them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const spec = { name: 'last_at', type: 'datetime' as const }
        expect(toHubspotValue(ms, spec)).toEqual({ ok: true, value: String(ms) })
        expect(toSalesforceValue(ms, spec)).toEqual({ ok: true, value: new Date(ms).toISOString() })
      }),
    )
  })

  it('refuses a value outside the allowed ones, naming the field in the CRM’s words', () => {
    expect(toHubspotValue('vip', segment)).toEqual({
      ok: false,
      reason: '"vip" is not one of the options of segment',
    })
    expect(toSalesforceValue('vip', segment)).toEqual({
      ok: false,
      reason: '"vip" is not one of the values of the restricted picklist segment',
    })
    expect(toHubspotValue(['a', 'x'], tags)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"x"'),
    })
  })

  it('sorts multi-select values only where the CRM stores them sorted; clears on empty', () => {
    expect(toHubspotValue(['c', 'a'], tags)).toEqual({ ok: true, value: 'c;a' })
    expect(toSalesforceValue(['c', 'a'], tags)).toEqual({ ok: true, value: 'a;c' })
    for (const check of [toHubspotValue, toSalesforceValue]) {
      expect(check([], tags)).toEqual({ ok: true, value: '' })
      expect(check(null, segment)).toEqual({ ok: true, value: '' })
    }
  })

  it('keeps text up to the CRM’s limit and refuses one character more', () => {
    const spec = { name: 'note', type: 'string' as const }
    expect(toSalesforceValue('x'.repeat(255), spec).ok).toBe(true)
    expect(toSalesforceValue('x'.repeat(256), spec)).toEqual({
      ok: false,
      reason: 'longer than 255 characters',
    })
    expect(toHubspotValue('x'.repeat(65_536), spec).ok).toBe(true)
    expect(toHubspotValue('x'.repeat(65_537), spec)).toEqual({
      ok: false,
      reason: 'longer than 65,536 characters',
    })
  })
})
