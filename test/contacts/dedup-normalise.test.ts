import fc from 'fast-check'
import { type CountryCode, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max'
import examples from 'libphonenumber-js/mobile/examples'
import { describe, expect, it } from 'vitest'
import {
  foldText,
  nameForms,
  normaliseAddress,
  normaliseEmail,
  normalisePhone,
} from '../../backend/src/contacts/dedup/normalise'
import { nameSimilarity } from '../../backend/src/contacts/dedup/similarity'

const REGIONS: CountryCode[] = ['HK', 'BR', 'US', 'GB', 'DE', 'CN', 'IN', 'MX', 'ES', 'PT', 'SG', 'AE']
const FULL_WIDTH = (s: string) => s.replace(/[0-9+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

/** A national number with a separator after some digits, as people space them. */
const spaced = (digits: string, cuts: number[]) => {
  let out = ''
  for (let i = 0; i < digits.length; i++) out += (cuts.includes(i) && i > 0 ? ' ' : '') + digits[i]
  return out
}

describe('normalisePhone', () => {
  it('the issue examples for Hong Kong all give one E.164', () => {
    for (const typed of [
      '+852 9123 4567',
      '85291234567',
      '0085291234567',
      '9123 4567',
      '＋８５２ ９１２３ ４５６７',
    ]) {
      expect(normalisePhone(typed, 'HK')).toBe('+85291234567')
    }
  })

  it("reads digits that start with the region's own calling code as that country's wa_id", () => {
    // CI seed 618672413: German numbering also lets this parse as a national number (area 0491).
    expect(normalisePhone('4915123456789', 'DE')).toBe('+4915123456789')
    // Without the calling code the run is still the national number it looks like.
    expect(normalisePhone('15123456789', 'DE')).toBe('+4915123456789')
    expect(normalisePhone('5511987654321', 'BR')).toBe('+5511987654321')
  })

  it('every notation of a mobile number gives the same E.164 (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIONS),
        fc.constantFrom(...REGIONS),
        fc.array(fc.nat(14), { maxLength: 3 }),
        fc.constantFrom('intl', 'spaced-intl', 'double-zero', 'digits', 'national', 'full-width', 'dashes'),
        (home, channelRegion, cuts, notation) => {
          const example = getExampleNumber(home, examples)
          if (!example) return
          const e164 = example.number
          const national = example.nationalNumber
          const cc = example.countryCallingCode
          const typed = {
            intl: e164,
            'spaced-intl': `+${cc} ${spaced(national, cuts)}`,
            'double-zero': `00${cc}${national}`,
            digits: `${cc}${national}`,
            national: example.formatNational(),
            'full-width': FULL_WIDTH(`+${cc} ${national}`),
            dashes: `+${cc}-${spaced(national, cuts).replace(/ /g, '-')}`,
          }[notation]
          // A national notation only means this number in its own region.
          const region = notation === 'national' ? home : channelRegion
          // Bare digits that are also a valid national number of the channel's region are read as
          // that (a person typing digits in their own country means a local number); not this case.
          if (notation === 'digits' && region !== home) {
            fc.pre(!parsePhoneNumberFromString(typed, region)?.isValid())
          }
          expect(normalisePhone(typed, region)).toBe(e164)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('never throws and answers either null or an E.164 string (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.constantFrom(...REGIONS, undefined), (raw, region) => {
        const out = normalisePhone(raw, region)
        expect(out === null || /^\+[1-9]\d{5,14}$/.test(out)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('is idempotent: a normalised number normalises to itself (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9 ]{6,18}$/), fc.constantFrom(...REGIONS), (raw, region) => {
        const once = normalisePhone(raw, region)
        if (once) expect(normalisePhone(once, region)).toBe(once)
      }),
    )
  })
})

describe('normaliseEmail', () => {
  it('folds case everywhere, and dots and +tags in Gmail only', () => {
    expect(normaliseEmail(' Ana.Souza+loja@GoogleMail.com ')).toBe('anasouza@gmail.com')
    expect(normaliseEmail('Ana.Souza@Empresa.com.br')).toBe('ana.souza@empresa.com.br')
    expect(normaliseEmail('not an email')).toBeNull()
    expect(normaliseEmail('@x.com')).toBeNull()
  })

  it('gives one mailbox for every casing and dotting of a Gmail address (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/),
        fc.array(fc.boolean(), { maxLength: 13 }),
        fc.array(fc.boolean(), { maxLength: 13 }),
        (local, upper, dots) => {
          const typed = [...local]
            .map((c, i) => (upper[i] ? c.toUpperCase() : c) + (dots[i] ? '.' : ''))
            .join('')
          expect(normaliseEmail(`${typed.replace(/\.$/, '')}@Gmail.com`)).toBe(`${local}@gmail.com`)
        },
      ),
    )
  })
})

describe('names', () => {
  it('folds accents, case and word order, and reads Han names in pinyin', () => {
    expect(nameForms('José  da SILVA')?.latin).toBe('da jose silva')
    expect(nameForms('Silva, José da')?.latin).toBe('da jose silva')
    expect(nameForms('张小明')).toEqual({
      latin: 'xiaoming zhang',
      han: '张小明',
      tokens: ['xiaoming', 'zhang'],
    })
    expect(nameForms('Xiaoming Zhang')?.latin).toBe('xiaoming zhang')
    expect(nameForms('单田芳')?.latin).toBe('shan tianfang')
    expect(nameForms('Мария Иванова')?.latin).toBe('ivanova mariya')
    expect(nameForms('   ')).toBeNull()
  })

  it('compares transliterations and Han characters', () => {
    const sim = (a: string, b: string) => nameSimilarity(nameForms(a) as never, nameForms(b) as never)
    expect(sim('张小明', 'Zhang Xiaoming')).toBe(1)
    expect(sim('Мария Иванова', 'Maria Ivanova')).toBeGreaterThanOrEqual(0.9)
    expect(sim('Jonathan Smith', 'Jonatan Smith')).toBeGreaterThanOrEqual(0.9)
    expect(sim('João Silva', 'Maria Silva')).toBeLessThan(0.8)
    expect(sim('张小明', '张小敏')).toBeGreaterThanOrEqual(0.6)
  })

  it('a name is as similar to itself under any case, accent or order change (property)', () => {
    const word = fc.stringMatching(/^[a-zà-ÿ]{2,10}$/)
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.boolean(), (words, upper) => {
        const a = nameForms(words.join(' '))
        const shuffled = [...words].reverse().join('  ')
        const b = nameForms(upper ? shuffled.toUpperCase() : shuffled)
        if (!a || !b) return
        expect(nameSimilarity(a, b)).toBe(1)
        expect(a.latin).toBe(foldText(a.latin))
      }),
    )
  })

  it('addresses ignore punctuation, case and accents', () => {
    expect(normaliseAddress('Rua Augusta, 1500 – São Paulo')).toBe(
      normaliseAddress('rua augusta 1500 sao paulo'),
    )
    expect(normaliseAddress('a')).toBeNull()
  })
})
