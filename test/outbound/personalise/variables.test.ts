import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Store } from '../../../backend/src/db/schema'
import { contactPlace, nearestStore } from '../../../backend/src/outbound/personalise/nearest-store'
import { countryCodeOf, foldPlace } from '../../../backend/src/outbound/personalise/place-names'
import { renderText } from '../../../backend/src/outbound/personalise/render'
import {
  type ContactFacts,
  resolveVariable,
  type VariableSources,
} from '../../../backend/src/outbound/personalise/variables'

const store = (name: string, fields: Partial<Store> = {}): Store => ({
  id: name,
  workspaceId: 'w',
  name,
  address: `${name} street 1`,
  city: null,
  region: null,
  country: null,
  hours: null,
  mapsUrl: null,
  aliases: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...fields,
})

const STORES = [
  store('Lisboa Chiado', { city: 'Lisboa', country: 'PT' }),
  store('Paulista', { city: 'São Paulo', region: 'SP', country: 'BR', aliases: ['Bela Vista', '01310'] }),
  store('Pinheiros', { city: 'São Paulo', region: 'SP', country: 'BR', aliases: ['Pinheiros', '054'] }),
  store('Campinas', { city: 'Campinas', region: 'SP', country: 'BR' }),
  store('Rio', { city: 'Rio de Janeiro', region: 'RJ', country: 'BR', aliases: ['Niterói'] }),
  store('Santiago Centro', { city: 'Santiago', country: 'CL' }),
  store('Madrid Sol', { city: 'Madrid', region: 'Comunidad de Madrid', country: 'ES' }),
]

const nearest = (attributes: Record<string, string>, phone: string | null = null) => {
  const found = nearestStore(STORES, contactPlace(attributes, phone))
  return found && `${found.store.name} (${found.match})`
}

describe('nearest store', () => {
  it('prefers neighbourhood or postcode, then city (any accent or case), region, country, first store', () => {
    expect(nearest({ city: 'Sao Paulo', bairro: 'pinheiros' })).toBe('Pinheiros (district)')
    expect(nearest({ city: 'São Paulo', postal_code: '05422-010' })).toBe('Pinheiros (district)')
    expect(nearest({ city: 'SAO  PAULO' })).toBe('Paulista (city)')
    expect(nearest({ city: 'niteroi', country: 'Brasil' })).toBe('Rio (city)')
    expect(nearest({ city: 'Sorocaba', state: 'sp' })).toBe('Paulista (region)')
    expect(nearest({ city: 'Recife' }, '+5581999990000')).toBe('Paulista (country)')
    expect(nearest({ country: 'España' })).toBe('Madrid Sol (country)')
    expect(nearest({ city: 'Tokyo' }, '+81312345678')).toBe('Lisboa Chiado (first)')
    expect(nearest({})).toBe('Lisboa Chiado (first)')
    expect(nearestStore([], {})).toBeNull()
  })

  it('does not match a city of the same name in another country', () => {
    expect(nearest({ city: 'Santiago' }, '+56221234567')).toBe('Santiago Centro (city)')
    expect(nearest({ city: 'Santiago', country: 'ES' })).toBe('Madrid Sol (country)')
  })

  it('knows country names in the four languages', () => {
    for (const name of ['Brasil', 'brazil', 'BR', '巴西']) expect(countryCodeOf(name)).toBe('BR')
    for (const name of ['España', 'Spain', 'Espanha', '西班牙']) expect(countryCodeOf(name)).toBe('ES')
    expect(countryCodeOf('Atlantis')).toBeNull()
  })

  it('folds accents, case, punctuation and spacing away', () => {
    const pairs = [...'áàâãäçéèêëíìîïñóòôõöúùûü'].map((c) => [c, c.normalize('NFD')[0] as string])
    const accented = fc.stringMatching(/^[a-z áàâãäçéèêëíìîïñóòôõöúùûü'-]{1,30}$/)
    fc.assert(
      fc.property(accented, (s) => {
        const plain = pairs.reduce((acc, [from, to]) => acc.replaceAll(from as string, to as string), s)
        expect(foldPlace(s.toUpperCase())).toBe(foldPlace(plain))
        expect(foldPlace(s)).toBe(foldPlace(` ${s.replaceAll(' ', '  ')} `))
        expect(foldPlace(s)).not.toMatch(/[^a-z ]|^ | $| {2}/)
      }),
    )
    expect(foldPlace('北京')).toBe('北京')
  })
})

describe('variables', () => {
  const contact = (fields: Partial<ContactFacts>): ContactFacts => ({
    name: null,
    profileName: null,
    phoneE164: null,
    email: null,
    attributes: {},
    ...fields,
  })
  const sources = (fields: Partial<VariableSources>): VariableSources => ({
    given: {},
    contact: null,
    store: null,
    replyDefaults: {},
    workspaceDefaults: {},
    language: 'en',
    timeZone: 'UTC',
    now: new Date('2024-05-10T12:00:00Z'),
    ...fields,
  })
  const render = (body: string, s: VariableSources) => renderText(body, (n) => resolveVariable(n, s))

  it('takes the first name from the CRM, then the name, then the WhatsApp profile', () => {
    const first = (c: Partial<ContactFacts>) =>
      resolveVariable('first_name', sources({ contact: contact(c) }))
    expect(first({ name: 'Ana Souza', attributes: { first_name: 'Aninha' } })).toEqual({
      value: 'Aninha',
      source: 'crm',
    })
    expect(first({ name: ' Ana  Souza', profileName: 'Nana' })).toEqual({ value: 'Ana', source: 'contact' })
    expect(first({ profileName: 'Nana Banana' })).toEqual({ value: 'Nana', source: 'contact' })
    expect(first({ name: '   ' })).toBeUndefined()
  })

  it('orders given values, the contact and CRM, the reply default and the workspace default', () => {
    const s = sources({
      contact: contact({
        name: 'Ana Souza',
        attributes: { customer_level: 'gold', city: 'Lisboa', visits: 3 },
      }),
      replyDefaults: { city: 'sua cidade', coupon: 'BEMVINDO' },
      workspaceDefaults: { coupon: 'OLA', team: 'Equipe Loja' },
    })
    const out = render(
      '{{first_name}} {{ last_name }} {{customer_level}} {{attr.city}} {{visits}} {{coupon}} {{team}} {{nope}}',
      {
        ...s,
        given: { first_name: 'Aninha', nope: '   ' },
      },
    )
    expect(out.text).toBe('Aninha Souza gold Lisboa 3 BEMVINDO Equipe Loja {{nope}}')
    expect(out.variables.map((v) => `${v.name}:${v.source}`)).toEqual([
      'first_name:given',
      'last_name:contact',
      'customer_level:crm',
      'attr.city:crm',
      'visits:crm',
      'coupon:default',
      'team:default',
    ])
    expect(out.missing).toEqual(['nope'])
  })

  it('inserts values as plain text, never expanding what a customer or CRM wrote', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, level) => {
        const s = sources({ contact: contact({ attributes: { first_name: `{{level}}${name}`, level } }) })
        const out = render('Hi {{first_name}}!', s)
        const value = out.variables[0]?.value
        if (value !== undefined) expect(out.text).toBe(`Hi ${value}!`)
        else expect(out.missing).toEqual(['first_name'])
      }),
    )
    const s = sources({ contact: contact({ name: '$& {{phone}} $1', phoneE164: '+5511999990000' }) })
    expect(render('{{name}}', s).text).toBe('$& {{phone}} $1')
  })

  it('does not read inherited properties as variables', () => {
    const out = render('{{constructor}} {{__proto__}} {{toString}}', sources({ contact: contact({}) }))
    expect(out.missing).toEqual(['constructor', '__proto__', 'toString'])
  })

  it('fills store variables only from a store that has them', () => {
    const s = sources({ store: store('Paulista', { hours: 'Seg–Sáb 10h–22h' }) })
    const out = render('{{nearest_store}}, {{store_address}} ({{store_hours}}) {{store_maps_url}}', s)
    expect(out.text).toBe('Paulista, Paulista street 1 (Seg–Sáb 10h–22h) {{store_maps_url}}')
    expect(out.missing).toEqual(['store_maps_url'])
    expect(out.variables.every((v) => v.source === 'store')).toBe(true)
  })

  it('reads last purchase as a relative date in the language, and a bad date as missing', () => {
    const at = (last_purchase_at: string, language: VariableSources['language']) =>
      resolveVariable(
        'last_purchase',
        sources({ contact: contact({ attributes: { last_purchase_at } }), language }),
      )
    expect(at('2024-05-07', 'es')).toEqual({ value: 'hace 3 días', source: 'crm' })
    expect(at('2024-05-07', 'zh')).toEqual({ value: '3天前', source: 'crm' })
    expect(at('someday', 'en')).toBeUndefined()
  })
})
