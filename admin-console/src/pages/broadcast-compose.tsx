import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { type MessageKey, useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, useLoad } from '../ui/async'
import { formatNumber } from '../ui/format'

type CreateBody = paths['/api/v1/broadcasts']['post']['requestBody']['content']['application/json']
type Preflight = paths['/api/v1/broadcasts']['post']['responses'][200]['content']['application/json']
export type BroadcastView =
  paths['/api/v1/broadcasts']['post']['responses'][202]['content']['application/json']
type Segment = Extract<CreateBody['audience'], { segment: string }>['segment']

const SEGMENTS: Record<Segment, MessageKey> = {
  new: 'broadcasts.segment.new',
  potential: 'broadcasts.segment.potential',
  high_intent: 'broadcasts.segment.high_intent',
  customer: 'broadcasts.segment.customer',
  at_risk: 'broadcasts.segment.at_risk',
  lost: 'broadcasts.segment.lost',
}

/** Refusal reasons a broadcast meets, with words in every language; others show the API's sentence. */
export const REFUSAL_LABELS: Record<string, MessageKey> = {
  opted_out: 'broadcasts.refusal.opted_out',
  marketing_opted_out: 'broadcasts.refusal.marketing_opted_out',
  contact_unreachable: 'broadcasts.refusal.contact_unreachable',
  marketing_blocked_us: 'broadcasts.refusal.marketing_blocked_us',
  automation_paused: 'broadcasts.refusal.automation_paused',
  invalid_recipient: 'broadcasts.refusal.invalid_recipient',
  channel_paused: 'broadcasts.refusal.channel_paused',
  template_params_mismatch: 'broadcasts.refusal.template_params_mismatch',
  'cap_exceeded:no_opt_in_daily_template': 'broadcasts.refusal.no_opt_in_daily_template',
  'cap_exceeded:same_content': 'broadcasts.refusal.same_content',
  'cap_exceeded:marketing_weekly': 'broadcasts.refusal.marketing_weekly',
}

interface Draft {
  name: string
  channelId: string
  /** "<name>|<language>" of an approved template. */
  template: string
  audience: 'tag' | 'segment'
  tag: string
  segment: Segment
}

const toBody = (d: Draft, dryRun: boolean): CreateBody => {
  const [name = '', language = ''] = d.template.split('|')
  return {
    name: d.name,
    ...(d.channelId ? { channel_id: d.channelId } : {}),
    template: { name, language },
    audience: d.audience === 'tag' ? { tag: d.tag.trim() } : { segment: d.segment },
    dry_run: dryRun,
  }
}

/**
 * Name, number, approved template and audience; "Check" runs the preflight (dry run) and shows
 * what it found, and only a checked draft can be started.
 */
export function ComposeBroadcast(props: {
  onStarted: (b: BroadcastView) => void
  onOutcome: (o: Outcome) => void
}) {
  const { t } = useI18n()
  const [sources, reload] = useLoad(() =>
    Promise.all([unwrap(api.GET('/api/v1/channels')), unwrap(api.GET('/api/v1/templates'))]),
  )
  return (
    <section class="card" aria-labelledby="compose-title" data-testid="broadcast-compose">
      <h2 id="compose-title">{t('broadcasts.compose')}</h2>
      <Loaded load={sources} retry={reload}>
        {([channels, templates]) => {
          const approved = templates.templates.filter((tpl) => tpl.status === 'APPROVED')
          if (channels.channels.length === 0)
            return <Empty testId="compose-no-number">{t('broadcasts.noNumber')}</Empty>
          if (approved.length === 0)
            return <Empty testId="compose-no-template">{t('broadcasts.noTemplate')}</Empty>
          return (
            <ComposeForm
              channels={channels.channels}
              templates={approved}
              onStarted={props.onStarted}
              onOutcome={props.onOutcome}
            />
          )
        }}
      </Loaded>
    </section>
  )
}

function ComposeForm(props: {
  channels: { id: string; display_phone_number: string; verified_name: string | null }[]
  templates: { name: string; language: string; category: string }[]
  onStarted: (b: BroadcastView) => void
  onOutcome: (o: Outcome) => void
}) {
  const { t } = useI18n()
  const first = props.templates[0]
  const [draft, setDraft] = useState<Draft>({
    name: '',
    channelId: props.channels[0]?.id ?? '',
    template: first ? `${first.name}|${first.language}` : '',
    audience: 'tag',
    tag: '',
    segment: 'customer',
  })
  const [preflight, setPreflight] = useState<Preflight | null>(null)
  const [busy, setBusy] = useState(false)
  // Any change to the draft makes the last preflight stale: it must be checked again.
  const edit = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch })
    setPreflight(null)
  }
  const call = async (dryRun: boolean) => {
    setBusy(true)
    props.onOutcome(null)
    try {
      const res = await unwrap(api.POST('/api/v1/broadcasts', { body: toBody(draft, dryRun) }))
      if (dryRun) setPreflight(res as Preflight)
      else {
        setPreflight(null)
        const started = res as BroadcastView
        props.onOutcome({ ok: true, message: t('broadcasts.started', { name: started.name }) })
        props.onStarted(started)
      }
    } catch (failure) {
      props.onOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void call(true)
      }}
      data-testid="compose-form"
    >
      <label for="bc-name">{t('broadcasts.name')}</label>
      <input
        id="bc-name"
        required
        maxLength={200}
        value={draft.name}
        onInput={(e) => edit({ name: e.currentTarget.value })}
      />
      <label for="bc-number">{t('broadcasts.number')}</label>
      <select
        id="bc-number"
        value={draft.channelId}
        onChange={(e) => edit({ channelId: e.currentTarget.value })}
      >
        {props.channels.map((c) => (
          <option key={c.id} value={c.id}>
            {c.display_phone_number}
            {c.verified_name ? ` · ${c.verified_name}` : ''}
          </option>
        ))}
      </select>
      <label for="bc-template">{t('broadcasts.template')}</label>
      <select
        id="bc-template"
        value={draft.template}
        onChange={(e) => edit({ template: e.currentTarget.value })}
      >
        {props.templates.map((tpl) => (
          <option key={`${tpl.name}|${tpl.language}`} value={`${tpl.name}|${tpl.language}`}>
            {tpl.name} ({tpl.language}) · {tpl.category}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{t('broadcasts.audience')}</legend>
        <label class="check">
          <input
            type="radio"
            name="bc-audience"
            checked={draft.audience === 'tag'}
            onChange={() => edit({ audience: 'tag' })}
          />
          {t('broadcasts.byTag')}
        </label>
        <label class="check">
          <input
            type="radio"
            name="bc-audience"
            checked={draft.audience === 'segment'}
            onChange={() => edit({ audience: 'segment' })}
          />
          {t('broadcasts.bySegment')}
        </label>
        {draft.audience === 'tag' ? (
          <>
            <label for="bc-tag">{t('broadcasts.tag')}</label>
            <input
              id="bc-tag"
              required
              value={draft.tag}
              onInput={(e) => edit({ tag: e.currentTarget.value })}
            />
          </>
        ) : (
          <>
            <label for="bc-segment">{t('broadcasts.segment')}</label>
            <select
              id="bc-segment"
              value={draft.segment}
              onChange={(e) => edit({ segment: e.currentTarget.value as Segment })}
            >
              {(Object.keys(SEGMENTS) as Segment[]).map((s) => (
                <option key={s} value={s}>
                  {t(SEGMENTS[s])}
                </option>
              ))}
            </select>
          </>
        )}
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('broadcasts.check')}
      </button>
      {preflight && <PreflightCard preflight={preflight} busy={busy} onStart={() => void call(false)} />}
    </form>
  )
}

function PreflightCard(props: { preflight: Preflight; busy: boolean; onStart: () => void }) {
  const { t, locale } = useI18n()
  const e = props.preflight.estimate
  const refused = props.preflight.refusals.reduce((n, r) => n + r.recipients, 0)
  const n = (v: number) => formatNumber(v, locale)
  return (
    <section class="preflight" aria-labelledby="preflight-title" data-testid="preflight">
      <h3 id="preflight-title">{t('broadcasts.preflight')}</h3>
      <dl class="queues">
        <dt>{t('broadcasts.recipients')}</dt>
        <dd data-testid="preflight-recipients">{n(e.recipients)}</dd>
        <dt>{t('broadcasts.willSend')}</dt>
        <dd data-testid="preflight-sendable">{n(e.recipients - refused)}</dd>
        <dt>{t('broadcasts.apiCalls')}</dt>
        <dd data-testid="preflight-calls">{n(e.api_calls)}</dd>
        <dt>{t('broadcasts.tierRoom')}</dt>
        <dd data-testid="preflight-tier">
          {e.tier_room === null
            ? t('broadcasts.unlimited')
            : t('broadcasts.tierRoomValue', { room: n(e.tier_room), limit: n(e.tier_limit ?? 0) })}
        </dd>
        <dt>{t('broadcasts.mps')}</dt>
        <dd data-testid="preflight-mps">{n(e.mps)}</dd>
        <dt>{t('broadcasts.minutes')}</dt>
        <dd data-testid="preflight-minutes">{n(e.minutes_at_full_speed)}</dd>
        <dt>{t('broadcasts.mode')}</dt>
        <dd data-testid="preflight-mode">
          {t(e.mode === 'spread' ? 'broadcasts.mode.spread' : 'broadcasts.mode.normal')}
          {e.reason ? ` · ${e.reason}` : ''}
        </dd>
      </dl>
      {props.preflight.refusals.length === 0 ? (
        <p class="hint" data-testid="preflight-no-refusals">
          {t('broadcasts.noRefusals')}
        </p>
      ) : (
        <table data-testid="preflight-refusals">
          <caption>{t('broadcasts.willRefuse')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('broadcasts.reason')}</th>
              <th scope="col">{t('broadcasts.recipients')}</th>
              <th scope="col">{t('broadcasts.why')}</th>
            </tr>
          </thead>
          <tbody>
            {props.preflight.refusals.map((r) => {
              const label = REFUSAL_LABELS[r.reason]
              return (
                <tr key={r.reason} data-testid="preflight-refusal">
                  <td>{label ? t(label) : r.reason}</td>
                  <td>{n(r.recipients)}</td>
                  <td class="hint">{r.message}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <button type="button" disabled={props.busy || e.recipients === 0} onClick={props.onStart}>
        {t('broadcasts.start')}
      </button>
      {e.recipients === 0 && (
        <p class="notice" data-testid="preflight-empty">
          {t('broadcasts.noRecipients')}
        </p>
      )}
    </section>
  )
}
