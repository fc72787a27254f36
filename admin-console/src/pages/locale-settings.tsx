import { useState } from 'preact/hooks'
import { ApiFailure, api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { LOCALE_NAMES, type Locale, type Translate, useI18n } from '../i18n'
import { Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'

type LocaleSettings = paths['/api/v1/settings/locale']['get']['responses'][200]['content']['application/json']
type Language = LocaleSettings['default_language']

const LANGUAGES = Object.keys(LOCALE_NAMES) as Language[]

/** The form's inputs; `vars` and `vars.<lang>` are "name = value" lines. */
type InputKey = 'time_zone' | 'default_language' | 'vars' | `vars.${Language}`

interface Draft {
  time_zone: string
  default_language: Language
  vars: string
  byLanguage: Record<Language, string>
}

/** Sorted by name: the database keeps no order of its own (jsonb). */
const toLines = (values: Record<string, string> | undefined) =>
  Object.entries(values ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name} = ${value}`)
    .join('\n')

const toDraft = (s: LocaleSettings): Draft => ({
  time_zone: s.time_zone,
  default_language: s.default_language,
  vars: toLines(s.default_variables),
  byLanguage: Object.fromEntries(
    LANGUAGES.map((l) => [l, toLines(s.default_variables_by_language[l])]),
  ) as Record<Language, string>,
})

/** "name = value" lines → a record, or the first line that is not one (1-based). */
function parseLines(
  text: string,
): { ok: true; values: Record<string, string> } | { ok: false; line: number } {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim()
    if (line === '') continue
    const at = line.indexOf('=')
    if (at <= 0) return { ok: false, line: i + 1 }
    values[line.slice(0, at).trim()] = line.slice(at + 1).trim()
  }
  return { ok: true, values }
}

/** The API's detail path → the input it belongs to ("default_variables_by_language.pt.x" → "vars.pt"). */
function inputOf(path: string): InputKey | null {
  const [first, second] = path.split('.')
  if (first === 'time_zone' || first === 'default_language') return first
  if (first === 'default_variables') return 'vars'
  if (first === 'default_variables_by_language' && LANGUAGES.includes(second as Language))
    return `vars.${second as Language}`
  return null
}

export function LocaleSettingsPage() {
  const { t } = useI18n()
  const [settings, reload] = useLoad(() => unwrap(api.GET('/api/v1/settings/locale')))
  const [outcome, setOutcome] = useState<Outcome>(null)
  return (
    <section aria-labelledby="locale-title" data-testid="page-locale">
      <h1 id="locale-title">{t('locale.title')}</h1>
      <p class="hint">{t('locale.intro')}</p>
      <Loaded load={settings} retry={reload}>
        {(data) => (
          // Remounted with what the server stored (a time zone comes back in its canonical spelling).
          <LocaleForm key={JSON.stringify(data)} settings={data} onSaved={reload} onOutcome={setOutcome} />
        )}
      </Loaded>
      <OutcomeLine outcome={outcome} />
    </section>
  )
}

function buildBody(
  draft: Draft,
  t: Translate,
): { ok: true; body: LocaleSettings } | { ok: false; errors: Map<InputKey, string> } {
  const errors = new Map<InputKey, string>()
  const parsed = (key: InputKey, text: string) => {
    const result = parseLines(text)
    if (result.ok) return result.values
    errors.set(key, t('locale.lineError', { line: result.line }))
    return {}
  }
  const default_variables = parsed('vars', draft.vars)
  const default_variables_by_language: LocaleSettings['default_variables_by_language'] = {}
  for (const l of LANGUAGES) {
    const values = parsed(`vars.${l}`, draft.byLanguage[l])
    if (Object.keys(values).length > 0) default_variables_by_language[l] = values
  }
  if (errors.size > 0) return { ok: false, errors }
  return {
    ok: true,
    body: {
      time_zone: draft.time_zone.trim(),
      default_language: draft.default_language,
      default_variables,
      default_variables_by_language,
    },
  }
}

function LocaleForm(props: {
  settings: LocaleSettings
  onSaved: () => void
  onOutcome: (o: Outcome) => void
}) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(() => toDraft(props.settings))
  const [errors, setErrors] = useState<Map<InputKey, string>>(new Map())
  const [busy, setBusy] = useState(false)

  const save = async (event: Event) => {
    event.preventDefault()
    props.onOutcome(null)
    const built = buildBody(draft, t)
    if (!built.ok) {
      setErrors(built.errors)
      props.onOutcome({ ok: false, message: t('locale.notSaved') })
      return
    }
    setErrors(new Map())
    setBusy(true)
    try {
      await unwrap(api.PUT('/api/v1/settings/locale', { body: built.body }))
      props.onOutcome({ ok: true, message: t('locale.saved') })
      props.onSaved()
    } catch (failure) {
      const byInput = new Map<InputKey, string>()
      if (failure instanceof ApiFailure)
        for (const d of failure.details) {
          const key = inputOf(d.path)
          if (key && !byInput.has(key)) byInput.set(key, d.message)
        }
      setErrors(byInput)
      props.onOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const idOf = (key: InputKey) => `locale-${key.replace('.', '-')}`
  const errorLine = (key: InputKey) => {
    const error = errors.get(key)
    return (
      error && (
        <div id={`${idOf(key)}-error`} class="error-text" data-testid={`locale-error-${key}`}>
          {error}
        </div>
      )
    )
  }
  const invalid = (key: InputKey, hint = false) =>
    errors.has(key)
      ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${idOf(key)}-error` }
      : hint
        ? { 'aria-describedby': `${idOf(key)}-hint` }
        : {}

  return (
    <form class="card" onSubmit={save} data-testid="locale-form">
      <div>
        <label for={idOf('time_zone')}>{t('locale.time_zone')}</label>
        <input
          id={idOf('time_zone')}
          value={draft.time_zone}
          autocomplete="off"
          spellcheck={false}
          {...invalid('time_zone', true)}
          onInput={(e) => setDraft({ ...draft, time_zone: e.currentTarget.value })}
        />
        <div id={`${idOf('time_zone')}-hint`} class="hint">
          {t('locale.timeZoneHint')}
        </div>
        {errorLine('time_zone')}
      </div>
      <div>
        <label for={idOf('default_language')}>{t('locale.default_language')}</label>
        <select
          id={idOf('default_language')}
          value={draft.default_language}
          {...invalid('default_language')}
          onChange={(e) => setDraft({ ...draft, default_language: e.currentTarget.value as Language })}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l as Locale]}
            </option>
          ))}
        </select>
        {errorLine('default_language')}
      </div>
      <div>
        <label for={idOf('vars')}>{t('locale.default_variables')}</label>
        <textarea
          id={idOf('vars')}
          rows={4}
          value={draft.vars}
          {...invalid('vars', true)}
          onInput={(e) => setDraft({ ...draft, vars: e.currentTarget.value })}
        />
        <div id={`${idOf('vars')}-hint`} class="hint">
          {t('locale.variablesHint')}
        </div>
        {errorLine('vars')}
      </div>
      <fieldset>
        <legend>{t('locale.byLanguage')}</legend>
        {LANGUAGES.map((l) => {
          const key: InputKey = `vars.${l}`
          return (
            <div key={l}>
              <label for={idOf(key)}>
                {t('locale.forLanguage', { language: LOCALE_NAMES[l as Locale] })}
              </label>
              <textarea
                id={idOf(key)}
                rows={2}
                value={draft.byLanguage[l]}
                {...invalid(key)}
                onInput={(e) =>
                  setDraft({ ...draft, byLanguage: { ...draft.byLanguage, [l]: e.currentTarget.value } })
                }
              />
              {errorLine(key)}
            </div>
          )
        })}
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('locale.save')}
      </button>
    </form>
  )
}
