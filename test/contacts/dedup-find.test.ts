import { describe, expect, it } from 'vitest'
import { buildProfiles, type RawContact } from '../../backend/src/contacts/dedup/build-profile'
import { allPairs, findCandidates } from '../../backend/src/contacts/dedup/find-candidates'
import { isAutoMergeable } from '../../backend/src/contacts/dedup/scoring'

const DAY = 86_400_000
const at = Date.UTC(2026, 10, 1)
const contact = (id: string, over: Partial<RawContact>): RawContact => ({
  id,
  name: null,
  phone: null,
  ...over,
})
const pairsOf = (list: { a: string; b: string; reasons: { code: string }[] }[]) =>
  list.map(
    (c) =>
      `${c.a}-${c.b}: ${c.reasons
        .map((r) => r.code)
        .sort()
        .join('+')}`,
  )

describe('finding duplicate candidates', () => {
  const people: RawContact[] = [
    // A number typed into a CRM field, in the local format of the channel's region.
    contact('01', { name: 'Chan Tai Man', phone: '+85291234567' }),
    contact('02', { name: 'CHAN Tai-man', phone: '+85261234500', typedPhones: ['9123 4567'] }),
    // The same person in Han characters and in pinyin, who bought the same product.
    contact('03', { name: '张小明', phone: '+85251230001', skus: [{ sku: 'SKU-9', at }] }),
    contact('04', {
      name: 'Xiaoming Zhang',
      phone: '+85251230002',
      skus: [{ sku: 'SKU-9', at: at + 30 * DAY }],
    }),
    // The same product, but more than 90 days apart: not evidence.
    contact('05', { name: 'Jonathan Smith', phone: '+85251230003', skus: [{ sku: 'SKU-7', at }] }),
    contact('06', {
      name: 'Jonatan Smith',
      phone: '+85251230004',
      skus: [{ sku: 'SKU-7', at: at + 120 * DAY }],
    }),
    // A family: one surname, one address, different people.
    contact('07', { name: 'Ana Souza', phone: '+85251230005', address: 'Rua Augusta 1500, São Paulo' }),
    contact('08', { name: 'Pedro Souza', phone: '+85251230006', address: 'rua augusta 1500 sao paulo' }),
    // One mailbox written two ways (Gmail ignores dots and case).
    contact('09', { name: 'Lia', phone: '+85251230007', email: 'lia.m@gmail.com' }),
    contact('10', { name: 'Lia M', phone: '+85251230008', email: 'LiaM@Gmail.com' }),
  ]

  it('finds each pair with its reasons, and no look-alike', () => {
    const { candidates } = findCandidates(buildProfiles(people, 'HK'), { reviewScore: 0.6 })
    expect(pairsOf(candidates).sort()).toEqual([
      '01-02: name_similar+same_phone',
      '03-04: name_similar+same_sku_90d',
      '09-10: same_email',
    ])
  })

  it('merges automatically only on an exact identity above the bar', () => {
    const { candidates } = findCandidates(buildProfiles(people, 'HK'), { reviewScore: 0.6 })
    const auto = candidates.filter((c) => isAutoMergeable(c, 0.95)).map((c) => `${c.a}-${c.b}`)
    expect(auto.sort()).toEqual(['01-02', '09-10'])
  })

  it('compares far fewer pairs than all of them and finds what all-pairs finds', () => {
    const crowd: RawContact[] = []
    for (let i = 0; i < 400; i++) {
      crowd.push(
        contact(`c${String(i).padStart(3, '0')}`, {
          name: `Maria Silva ${i % 7 === 0 ? 'Costa' : ''}`,
          phone: `+8525${String(1_000_000 + i)}`,
        }),
      )
    }
    crowd.push(contact('typo', { name: 'Mraia Silva', phone: '+85290000000', email: 'ms@example.com' }))
    crowd.push(contact('orig', { name: 'Maria Silva', phone: '+85290000001', email: 'MS@example.com' }))
    const profiles = buildProfiles(crowd, 'HK')
    const blocked = findCandidates(profiles, { reviewScore: 0.6 })
    const exhaustive = allPairs(profiles, 0.6)
    expect(blocked.pairsCompared).toBeLessThan(exhaustive.pairsCompared / 10)
    expect(pairsOf(blocked.candidates)).toEqual(pairsOf(exhaustive.candidates))
    expect(pairsOf(blocked.candidates)).toContain('orig-typo: name_similar+same_email')
  })
})
