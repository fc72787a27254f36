import { pinyin } from 'pinyin-pro'
import type { RawContact } from '../../backend/src/contacts/dedup/build-profile'

/**
 * A labelled workspace for the duplicate finder: people with a WhatsApp contact each, some of
 * whom also have a second contact (another number typed another way, a typo in the name, an
 * accent dropped, the name in Han or in pinyin, the same product bought), and look-alikes that
 * are not one person (families sharing a surname and an address, "Maria Silva"s, strangers
 * buying the same best-seller). Seeded, so every run scores the same set.
 */

export interface Dataset {
  contacts: RawContact[]
  /** `idA|idB` (ids sorted) of every pair that is one person. */
  truth: Set<string>
  region: string
}

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = [
  'Maria',
  'José',
  'Ana',
  'João',
  'Antônio',
  'Francisca',
  'Carlos',
  'Paulo',
  'Lucas',
  'Luiz',
  'Adriana',
  'Juliana',
  'Márcia',
  'Fernanda',
  'Patrícia',
  'Aline',
  'Pedro',
  'Rafael',
  'Daniel',
  'Marcelo',
  'Bruno',
  'Eduardo',
  'Felipe',
  'Camila',
  'Amanda',
  'Bruna',
  'Letícia',
  'Gabriel',
  'Rodrigo',
  'Sofía',
  'Valentina',
  'Isabela',
  'Mateo',
  'Santiago',
  'Lucía',
  'Martina',
  'Diego',
  'Alejandro',
  'Javier',
  'Carmen',
  'Dolores',
  'Pilar',
  'Rocío',
  'Ignacio',
  'Sergio',
  'Emily',
  'James',
  'Olivia',
  'William',
  'Charlotte',
  'Henry',
  'Amelia',
  'Jonathan',
  'Katherine',
  'Christopher',
  'Elizabeth',
  'Matthew',
  'Victoria',
  'Nicholas',
  'Priya',
  'Rahul',
  'Ananya',
  'Arjun',
  'Kavya',
  'Vikram',
  'Fatima',
  'Omar',
  'Layla',
  'Yusuf',
  'Aisha',
  'Tomasz',
  'Agnieszka',
  'Grzegorz',
  'Małgorzata',
  'Wanjiru',
  'Kofi',
  'Amara',
  'Chiamaka',
  'Oluwaseun',
  'Siobhán',
  'Niamh',
  'Eoghan',
  'Björn',
  'Åsa',
  'Søren',
  'Zoë',
  'Noémie',
  'Loïc',
  'Hélène',
  'François',
  'Thibault',
  'Guðrún',
  'Iñaki',
  'Ainhoa',
  'Xabier',
  'Nuno',
  'Gonçalo',
  'Inês',
  'Conceição',
  'Raimunda',
]
const LAST = [
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Rodrigues',
  'Ferreira',
  'Alves',
  'Pereira',
  'Lima',
  'Gomes',
  'Costa',
  'Ribeiro',
  'Martins',
  'Carvalho',
  'Almeida',
  'Lopes',
  'Soares',
  'Fernandes',
  'Vieira',
  'Barbosa',
  'Rocha',
  'Dias',
  'Nascimento',
  'Andrade',
  'Moreira',
  'Nunes',
  'Marques',
  'Machado',
  'Mendes',
  'Freitas',
  'Cardoso',
  'Ramos',
  'González',
  'Hernández',
  'López',
  'Martínez',
  'Sánchez',
  'Pérez',
  'Gómez',
  'Díaz',
  'Jiménez',
  'Ruiz',
  'Álvarez',
  'Moreno',
  'Muñoz',
  'Romero',
  'Navarro',
  'Domínguez',
  'Vázquez',
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Thompson',
  'Patel',
  'Sharma',
  'Singh',
  'Kumar',
  'Gupta',
  'Khan',
  'Ahmed',
  'Hassan',
  'Kowalski',
  'Nowak',
  'Wiśniewski',
  'Wójcik',
  'Kamau',
  'Otieno',
  'Mensah',
  'Okafor',
  'Adeyemi',
  "O'Brien",
  'Murphy',
  'Ní Bhriain',
  'Johansson',
  'Lindqvist',
  'Nørgaard',
  'Dubois',
  'Lefèvre',
  'Girard',
  'Müller',
  'Schröder',
  'Weiß',
  'Jørgensen',
  'Etxeberria',
  'Goikoetxea',
  'Gonçalves',
  'Magalhães',
  'Araújo',
  'Conceição',
]
const HAN_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const HAN_GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红玲飞鹏辉建国志文海燕雪梅春晓东宇浩然子轩思琪欣怡嘉怡梓涵一诺雨桐俊杰宏伟婷婷佳慧'
const CYRILLIC = [
  ['Мария', 'Maria'],
  ['Иван', 'Ivan'],
  ['Ольга', 'Olga'],
  ['Дмитрий', 'Dmitriy'],
  ['Анна', 'Anna'],
  ['Сергей', 'Sergey'],
  ['Наталья', 'Natalya'],
  ['Алексей', 'Aleksey'],
] as const
const CYRILLIC_LAST = [
  ['Иванова', 'Ivanova'],
  ['Петров', 'Petrov'],
  ['Смирнова', 'Smirnova'],
  ['Кузнецов', 'Kuznetsov'],
  ['Попова', 'Popova'],
  ['Соколов', 'Sokolov'],
  ['Лебедева', 'Lebedeva'],
  ['Новиков', 'Novikov'],
] as const
const STREETS = [
  'Rua Augusta',
  'Avenida Paulista',
  'Calle Mayor',
  'Nathan Road',
  'Queen’s Road',
  'Rua da Consolação',
  'High Street',
  'Gran Vía',
]
const DOMAINS = ['gmail.com', 'hotmail.com', 'yahoo.com.br', 'outlook.com', 'uol.com.br', 'empresa.com.br']

export function generateDataset(total: number, seed = 14): Dataset {
  const rand = rng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
  // Zipf-like: a few values are very common, as first names, surnames and best-sellers are.
  const zipf = <T>(list: readonly T[], s = 1.1): T =>
    list[Math.min(list.length - 1, Math.floor(list.length * rand() ** (1 + s * 2)))] as T
  const skuCount = 3000
  const now = Date.UTC(2026, 11, 1)
  const DAY = 86_400_000
  let nextId = 0
  const id = () => {
    const n = (nextId++).toString(16).padStart(12, '0')
    return `00000000-0000-4000-8000-${n}`
  }
  const usedPhones = new Set<string>()
  const hkPhone = () => {
    for (;;) {
      const national = `${pick(['5', '6', '9'])}${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`
      if (!usedPhones.has(national)) {
        usedPhones.add(national)
        return national
      }
    }
  }

  type Person = {
    name: string
    alt: string | null
    phone: string
    email: string | null
    address: string | null
    store: string
    skus: { sku: string; at: number }[]
    bsuid: string
    crm: string | null
  }
  const newPerson = (surname?: string, address?: string | null, han?: boolean): Person => {
    const kind = han === undefined ? rand() : han ? 0 : 0.5
    let name: string
    let alt: string | null = null
    if (kind < 0.12) {
      const given = pick([...HAN_GIVEN]) + (rand() < 0.6 ? pick([...HAN_GIVEN]) : '')
      name = (surname ?? zipf([...HAN_SURNAMES], 0.6)) + given
    } else if (kind < 0.16) {
      const [f, fl] = pick(CYRILLIC)
      const [l, ll] = pick(CYRILLIC_LAST)
      name = `${f} ${l}`
      alt = `${fl} ${ll}`
    } else {
      name = `${zipf(FIRST)} ${surname ?? zipf(LAST)}${rand() < 0.2 ? ` ${zipf(LAST)}` : ''}`
    }
    const local = name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase()
    const skus = Array.from({ length: Math.floor(rand() * 3) }, () => ({
      sku: `SKU-${String(Math.floor(skuCount * rand() ** 2)).padStart(4, '0')}`,
      at: now - Math.floor(rand() * 365) * DAY,
    }))
    return {
      name,
      alt,
      phone: hkPhone(),
      email: rand() < 0.55 && local ? `${local}${nextId}@${pick(DOMAINS)}` : null,
      address:
        address !== undefined
          ? address
          : rand() < 0.4
            ? `${pick(STREETS)} ${1 + Math.floor(rand() * 3000)}, apt ${1 + Math.floor(rand() * 40)}`
            : null,
      store: `Loja ${Math.floor(rand() * 60)}`,
      skus,
      bsuid: `HK.${Math.floor(rand() * 1e15)}${nextId}`,
      crm: rand() < 0.3 ? `crm-1:contact:${Math.floor(rand() * 1e12)}` : null,
    }
  }

  const typo = (word: string): string => {
    if (word.length < 4) return word
    const i = 1 + Math.floor(rand() * (word.length - 2))
    const c = 'aeioulnrst'[Math.floor(rand() * 10)] as string
    switch (Math.floor(rand() * 4)) {
      case 0:
        return word.slice(0, i) + c + word.slice(i + 1)
      case 1:
        return word.slice(0, i) + word.slice(i + 1)
      case 2:
        return word.slice(0, i) + c + word.slice(i)
      default:
        return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1)
    }
  }
  /** How the same person's name reads on their other contact. */
  const variant = (p: Person): string => {
    if (/\p{Script=Han}/u.test(p.name)) {
      // The same Han name, or its pinyin as a person types it in Latin: given name first.
      if (rand() < 0.4) return p.name
      const syllables = pinyin(p.name, { toneType: 'none', type: 'array', surname: 'head' })
      const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1)
      return `${cap(syllables.slice(1).join(''))} ${cap(syllables[0] ?? '')}`
    }
    if (p.alt && rand() < 0.7) return p.alt
    const words = p.name.split(' ')
    const r = rand()
    if (r < 0.35) {
      const w = Math.floor(rand() * words.length)
      words[w] = typo(words[w] as string)
      return words.join(' ')
    }
    if (r < 0.6) return p.name.normalize('NFD').replace(/\p{M}/gu, '')
    if (r < 0.8) return [...words].reverse().join(' ')
    return p.name.toUpperCase()
  }
  const phoneFormats = (national: string): string => {
    const f = Math.floor(rand() * 5)
    if (f === 0) return `+852 ${national.slice(0, 4)} ${national.slice(4)}`
    if (f === 1) return `852${national}`
    if (f === 2) return `00852${national}`
    if (f === 3) return `${national.slice(0, 4)} ${national.slice(4)}`
    return `＋８５２${[...national].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('')}`
  }
  const emailVariant = (email: string): string => {
    const [local, domain] = email.split('@') as [string, string]
    const dotted =
      domain === 'gmail.com' && local.length > 3 ? `${local.slice(0, 2)}.${local.slice(2)}` : local
    return `${dotted[0]?.toUpperCase()}${dotted.slice(1)}@${domain.toUpperCase()}`
  }

  const contacts: RawContact[] = []
  const truth = new Set<string>()
  const asContact = (p: Person, over: Partial<RawContact> = {}): RawContact => ({
    id: id(),
    name: p.name,
    phone: `+852${p.phone}`,
    bsuids: [p.bsuid],
    email: p.email,
    crmRecords: p.crm ? [p.crm] : [],
    skus: p.skus,
    address: p.address,
    store: p.store,
    ...over,
  })

  const DUPLICATE_SHARE = 0.09
  while (contacts.length < total) {
    // Families: a surname, an address and a store shared by two to four different people.
    const family = rand() < 0.08
    const members = family ? 2 + Math.floor(rand() * 3) : 1
    const first = newPerson()
    const han = /\p{Script=Han}/u.test(first.name)
    // Cyrillic families are written in Latin here: the surname list has no gendered forms.
    const surname = han ? first.name[0] : first.name.split(' ').at(-1)
    const people = [first]
    for (let m = 1; m < members; m++) {
      let relative = newPerson(surname, first.address, han)
      // Relatives share a surname, not a whole name.
      while (people.some((p) => p.name === relative.name)) relative = newPerson(surname, first.address, han)
      relative.store = first.store
      people.push(relative)
    }
    for (const p of people) {
      if (contacts.length >= total) break
      const original = asContact(p)
      contacts.push(original)
      if (contacts.length >= total || rand() >= DUPLICATE_SHARE) continue
      const other = newPerson()
      const kind = rand()
      const name = variant(p)
      const base: Partial<RawContact> = {
        name,
        phone: `+852${other.phone}`,
        bsuids: [other.bsuid],
        email: null,
        crmRecords: [],
        skus: [],
        address: null,
        store: other.store,
      }
      let dup: RawContact
      if (kind < 0.3) dup = asContact(p, { ...base, typedPhones: [phoneFormats(p.phone)] })
      else if (kind < 0.45 && p.email) dup = asContact(p, { ...base, email: emailVariant(p.email) })
      else if (kind < 0.7 && p.skus.length > 0) {
        const bought = p.skus[0] as { sku: string; at: number }
        dup = asContact(p, {
          ...base,
          skus: [{ sku: bought.sku, at: bought.at + Math.floor(rand() * 60) * DAY }],
        })
      } else if (kind < 0.85 && p.address)
        dup = asContact(p, { ...base, address: p.address.toUpperCase().replace(',', '') })
      else if (kind < 0.92) dup = asContact(p, { ...base, bsuids: [p.bsuid] })
      else if (p.crm) dup = asContact(p, { ...base, crmRecords: [p.crm] })
      else dup = asContact(p, { ...base, typedPhones: [phoneFormats(p.phone)] })
      contacts.push(dup)
      const [a, b] = original.id < dup.id ? [original.id, dup.id] : [dup.id, original.id]
      truth.add(`${a}|${b}`)
    }
  }
  return { contacts, truth, region: 'HK' }
}
