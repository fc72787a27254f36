import { useState } from 'preact/hooks'
import { ApiFailure, api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { type MessageKey, useI18n } from '../i18n'
import { Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'

type Policy = paths['/api/v1/settings/sending-policy']['get']['responses'][200]['content']['application/json']
type NumberKey = {
  [K in keyof Policy]: Policy[K] extends number ? K : never
}[keyof Policy]
type ListKey = 'opt_out_keywords' | 'marketing_blocked_calling_codes'

const NUMBERS: NumberKey[] = [
  'window_hours',
  'no_opt_in_templates_per_day',
  'same_content_max',
  'same_content_days',
  'marketing_interval_days',
  'event_key_hours',
  'agent_pause_hours',
]
const LISTS: ListKey[] = ['opt_out_keywords', 'marketing_blocked_calling_codes']

type Draft = Record<NumberKey | ListKey, string>

const toDraft = (p: Policy): Draft =>
  Object.fromEntries([
    ...NUMBERS.map((k) => [k, String(p[k])]),
    ...LISTS.map((k) => [k, p[k].join(', ')]),
  ]) as Draft

/** Only what the admin filled in is sent: an empty field returns to its default, as the API says. */
function toBody(d: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const k of NUMBERS) if (d[k].trim() !== '') body[k] = Number(d[k])
  for (const k of LISTS) {
    const items = d[k]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    if (items.length > 0) body[k] = items
  }
  return body
}

export function SendingPolicyPage() {
  const { t } = useI18n()
  const [policy, reload] = useLoad(() => unwrap(api.GET('/api/v1/settings/sending-policy')))
  const [outcome, setOutcome] = useState<Outcome>(null)
  return (
    <section aria-labelledby="policy-title" data-testid="page-policy">
      <h1 id="policy-title">{t('policy.title')}</h1>
      <p class="hint">{t('policy.intro')}</p>
      <Loaded load={policy} retry={reload}>
        {(data) => (
          <PolicyForm key={JSON.stringify(data)} policy={data} onSaved={reload} onOutcome={setOutcome} />
        )}
      </Loaded>
      <OutcomeLine outcome={outcome} />
    </section>
  )
}

function PolicyForm(props: { policy: Policy; onSaved: () => void; onOutcome: (o: Outcome) => void }) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(() => toDraft(props.policy))
  const [errors, setErrors] = useState<Map<string, string>>(new Map())
  const [busy, setBusy] = useState(false)
  const save = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setErrors(new Map())
    props.onOutcome(null)
    try {
      await unwrap(api.PUT('/api/v1/settings/sending-policy', { body: toBody(draft) as Policy }))
      props.onOutcome({ ok: true, message: t('policy.saved') })
      props.onSaved()
    } catch (failure) {
      // "same_content_max" or "opt_out_keywords.2": shown under that input.
      const byInput = new Map<string, string>()
      if (failure instanceof ApiFailure)
        for (const d of failure.details) byInput.set(d.path.split('.')[0] as string, d.message)
      setErrors(byInput)
      props.onOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }
  const input = (k: NumberKey | ListKey, numeric: boolean) => {
    const error = errors.get(k)
    return (
      <div key={k}>
        <label for={`policy-${k}`}>{t(`policy.${k}` as MessageKey)}</label>
        <input
          id={`policy-${k}`}
          inputMode={numeric ? 'numeric' : undefined}
          value={draft[k]}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `policy-${k}-error` : undefined}
          onInput={(e) => setDraft({ ...draft, [k]: e.currentTarget.value })}
        />
        {error && (
          <div id={`policy-${k}-error`} class="error-text" data-testid={`policy-error-${k}`}>
            {error}
          </div>
        )}
      </div>
    )
  }
  return (
    <form class="card" onSubmit={save} data-testid="policy-form">
      {NUMBERS.map((k) => input(k, true))}
      {LISTS.map((k) => input(k, false))}
      <button type="submit" disabled={busy}>
        {t('policy.save')}
      </button>
    </form>
  )
}
