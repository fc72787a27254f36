import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { useI18n } from '../i18n'
import { ErrorBox } from '../ui/async'
import type { Rule } from './rules'

type Verdict = paths['/api/v1/rules/test']['post']['responses'][200]['content']['application/json']
type DryRunBody = NonNullable<
  paths['/api/v1/rules/test']['post']['requestBody']
>['content']['application/json']

const EDITOR = 'editor'

/** POST /api/v1/rules/test: a saved rule, or the editor's unsaved one, against a text and/or a contact. */
export function DryRun(props: { rules: Rule[]; editorText: string | null }) {
  const { t, locale } = useI18n()
  const [choice, setChoice] = useState('')
  const [text, setText] = useState('')
  const [contactId, setContactId] = useState('')
  const [verdict, setVerdict] = useState<Verdict | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const selected = choice || props.rules[0]?.id || (props.editorText ? EDITOR : '')

  const run = async (event: Event) => {
    event.preventDefault()
    setError(null)
    setVerdict(null)
    let rule: Pick<DryRunBody, 'rule' | 'rule_id'>
    if (selected === EDITOR) {
      try {
        const { id, builtin, created_at, updated_at, ...definition } = JSON.parse(props.editorText ?? '')
        rule = { rule: definition }
      } catch (parseError) {
        setError(t('rules.invalidJson', { error: (parseError as Error).message }))
        return
      }
    } else rule = { rule_id: selected }
    setBusy(true)
    try {
      setVerdict(
        await unwrap(
          api.POST('/api/v1/rules/test', {
            body: {
              ...rule,
              ...(text.trim() ? { text } : {}),
              ...(contactId.trim() ? { contact_id: contactId.trim() } : {}),
            },
          }),
        ),
      )
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="card" onSubmit={run} aria-labelledby="dry-run-title" data-testid="dry-run">
      <h2 id="dry-run-title">{t('dryRun.title')}</h2>
      <p class="hint">{t('dryRun.intro')}</p>
      <label for="dry-run-rule">{t('dryRun.rule')}</label>
      <select id="dry-run-rule" value={selected} onChange={(e) => setChoice(e.currentTarget.value)}>
        {props.editorText !== null && <option value={EDITOR}>{t('dryRun.editor')}</option>}
        {props.rules.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name} ({r.key})
          </option>
        ))}
      </select>
      <label for="dry-run-text">{t('dryRun.text')}</label>
      <input
        id="dry-run-text"
        value={text}
        maxLength={4096}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <label for="dry-run-contact">{t('dryRun.contact')}</label>
      <input id="dry-run-contact" value={contactId} onInput={(e) => setContactId(e.currentTarget.value)} />
      <button type="submit" disabled={busy || !selected}>
        {t('dryRun.run')}
      </button>
      {error && <ErrorBox message={error} />}
      {verdict && (
        <div class="verdict" role="status" data-testid="dry-run-verdict">
          <p class={verdict.fires ? 'success' : 'notice'} data-testid="dry-run-fires">
            {verdict.fires ? t('dryRun.fires') : t('dryRun.notFires', { reason: verdict.blocked_by ?? '' })}
          </p>
          <p data-testid="dry-run-explanation">{verdict.explanation}</p>
          {verdict.message && (
            <p class="hint">
              {t('dryRun.read', {
                intent: verdict.message.intent,
                confidence: new Intl.NumberFormat(locale, { style: 'percent' }).format(
                  verdict.message.confidence,
                ),
                language: verdict.message.language,
              })}
            </p>
          )}
          {verdict.conditions.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('dryRun.condition')}</th>
                  <th scope="col">{t('dryRun.passed')}</th>
                  <th scope="col">{t('dryRun.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {verdict.conditions.map((c, i) => (
                  <tr key={i}>
                    <td>
                      {c.group}: {c.type}
                    </td>
                    <td>{c.passed ? t('dryRun.yes') : t('dryRun.no')}</td>
                    <td>{c.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {verdict.fires && (
            <ul class="plain">
              {verdict.actions.map((a, i) => (
                <li key={i}>
                  <code>{JSON.stringify(a)}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  )
}
