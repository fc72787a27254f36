import { existsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { transformSync } from '@lwc/compiler'
import { describe, expect, it } from 'vitest'
import { DEFAULT, filesUnder, lwcFiles, lwcImports, metadata, read, rel } from './sfdx'

const LANGUAGES = ['pt_BR', 'es', 'zh_CN']
const labels = metadata('labels', 'CustomLabels.labels-meta.xml').CustomLabels.labels as {
  fullName: string
  value: string
  language: string
}[]
const english = new Map(labels.map((l) => [l.fullName, String(l.value)]))
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const LWC = join(DEFAULT, 'lwc')

describe('custom labels', () => {
  it('are unique, in English, and each imported label exists', () => {
    expect(english.size).toBe(labels.length)
    expect(labels.every((l) => l.language === 'en_US' && String(l.value).length > 0)).toBe(true)
    const imported = lwcImports('@salesforce/label/c.')
    expect(imported.size).toBe(english.size)
    for (const [name, users] of imported)
      expect(english.has(name), `${name} used by ${users.join(', ')}`).toBe(true)
  })

  it.each(LANGUAGES)('are all translated to %s with the same placeholders', (language) => {
    const translated = metadata('translations', `${language}.translation-meta.xml`).Translations
      .customLabels as {
      name: string
      label: string
    }[]
    const byName = new Map(translated.map((t) => [t.name, String(t.label)]))
    expect(byName.size).toBe(translated.length)
    expect([...byName.keys()].sort()).toEqual([...english.keys()].sort())
    for (const [name, value] of english) {
      const text = byName.get(name) as string
      expect(text.trim(), `${language} ${name}`).not.toBe('')
      expect(placeholders(text), `${language} ${name}`).toEqual(placeholders(value))
    }
    const same = [...english].filter(([name, value]) => byName.get(name) === value && /[a-z]{4}/.test(value))
    expect(same.length, `${language}: untranslated ${same.map(([n]) => n).join(', ')}`).toBeLessThan(
      english.size / 10,
    )
  })

  it('cover every label key the components ask for', () => {
    const keys = new Set(
      [...read(join(LWC, 'waLabels', 'labels.js')).matchAll(/^ {2}'([^']+)': WA_/gm)].map((m) => m[1]),
    )
    for (const file of lwcFiles().filter((f) => f.endsWith('.js'))) {
      for (const match of read(file).matchAll(/\b(?:t|maybeT)\('([^'`]+)'/g)) {
        expect(keys.has(match[1] as string), `${rel(file)} asks for ${match[1]}`).toBe(true)
      }
    }
  })
})

describe('components', () => {
  const sources = filesUnder(LWC, (p) => /\.(js|html|css)$/.test(p))

  it.each(sources.map((f) => [rel(f), f]))('%s compiles with the LWC compiler', (_name, file) => {
    const result = transformSync(read(file), basename(file), {
      namespace: 'c',
      name: basename(dirname(file)),
    })
    expect(result.warnings ?? []).toEqual([])
  })

  it('would reject an invalid template (the check can fail)', () => {
    expect(() =>
      transformSync('<template><p>{a.b()}</p></template>', 'x.html', { namespace: 'c', name: 'x' }),
    ).toThrow(/LWC1060/)
  })

  const bundles = filesUnder(LWC, (p) => p.endsWith('.js-meta.xml')).map((p) => p.split('/').at(-2) as string)

  it('render nothing a customer writes as markup', () => {
    for (const file of lwcFiles()) {
      const text = read(file)
      for (const sink of [
        'lwc:dom',
        'innerHTML',
        'outerHTML',
        'insertAdjacentHTML',
        'lightning-formatted-rich-text',
        'linkify',
        'eval(',
      ]) {
        expect(text.includes(sink), `${rel(file)} uses ${sink}`).toBe(false)
      }
    }
  })

  it('refer only to bundles that exist, each at API 66.0', () => {
    for (const bundle of bundles) {
      expect(existsSync(join(LWC, bundle, `${bundle}.js`)), bundle).toBe(true)
      expect(metadata('lwc', bundle, `${bundle}.js-meta.xml`).LightningComponentBundle.apiVersion).toBe(
        '66.0',
      )
    }
    for (const [name, users] of lwcImports('c/'))
      expect(bundles, `c/${name} used by ${users.join(', ')}`).toContain(name)
    for (const file of lwcFiles().filter((f) => f.endsWith('.html'))) {
      for (const match of read(file).matchAll(/<c-([a-z-]+)/g)) {
        const name = (match[1] as string).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
        expect(bundles, `${rel(file)} uses c-${match[1]}`).toContain(name)
      }
    }
  })

  it('put waThread, and only it, on Contact and Lead record pages', () => {
    const exposed = bundles.filter(
      (b) => metadata('lwc', b, `${b}.js-meta.xml`).LightningComponentBundle.isExposed === 'true',
    )
    expect(exposed).toEqual(['waThread'])
    const meta = metadata('lwc', 'waThread', 'waThread.js-meta.xml').LightningComponentBundle
    expect(meta.targets.target).toEqual(['lightning__RecordPage'])
    const config = meta.targetConfigs.targetConfig[0]
    expect(config['@targets']).toBe('lightning__RecordPage')
    expect([config.objects.object].flat()).toEqual(['Contact', 'Lead'])
    // Desktop and the Salesforce mobile app.
    const factors = [config.supportedFormFactors.supportedFormFactor].flat()
    expect(factors.map((f: Record<string, string>) => f['@type'])).toEqual(['Large', 'Small'])
    expect(config.property.map((p: Record<string, string>) => p['@name'])).toEqual(['listHeight'])
    expect(read(join(LWC, 'waThread', 'waThread.js'))).toMatch(/@api listHeight/)
  })
})
