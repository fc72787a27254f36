import { useEffect, useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import { type MessageKey, useI18n } from '../i18n'
import { ErrorBox, type Outcome } from '../ui/async'
import { formatDateTime, formatNumber } from '../ui/format'
import { type BroadcastView, REFUSAL_LABELS } from './broadcast-compose'

/** How often a running broadcast's progress is read again. */
const POLL_MS = 1_000

type Action = 'pause' | 'resume' | 'cancel'

/** The states each action is allowed in, as the API allows them (409 otherwise). */
const ALLOWED: Record<Action, BroadcastView['state'][]> = {
  pause: ['running'],
  resume: ['paused'],
  cancel: ['running', 'paused'],
}

export const STATE_LABELS: Record<BroadcastView['state'], MessageKey> = {
  running: 'broadcasts.state.running',
  paused: 'broadcasts.state.paused',
  cancelled: 'broadcasts.state.cancelled',
  completed: 'broadcasts.state.completed',
}

const ACTION_LABELS: Record<Action, MessageKey> = {
  pause: 'broadcasts.pause',
  resume: 'broadcasts.resume',
  cancel: 'broadcasts.cancel',
}

const JOB_LABELS: Record<string, MessageKey> = {
  queued: 'broadcasts.job.queued',
  held: 'broadcasts.job.held',
  sending: 'broadcasts.job.sending',
  unknown: 'broadcasts.job.unknown',
  sent: 'broadcasts.job.sent',
  failed: 'broadcasts.job.failed',
  cancelled: 'broadcasts.job.cancelled',
}

/** Jobs that will not change any more. */
const FINISHED = ['sent', 'failed', 'cancelled']

export const refusedTotal = (b: BroadcastView) => Object.values(b.refused).reduce((n, v) => n + v, 0)

/** Recipients that got a send job (whatever became of it): walked and not refused. */
export const queuedTotal = (b: BroadcastView) => Object.values(b.jobs).reduce((n, v) => n + v, 0)

/**
 * One broadcast's progress, read again every second while it runs; pause, resume and cancel
 * are enabled only where the API allows them. `onChange` hears each new state (the list follows).
 */
export function BroadcastDetail(props: {
  id: string
  onChange: (b: BroadcastView) => void
  onOutcome: (o: Outcome) => void
  onClose: () => void
}) {
  const { t, locale } = useI18n()
  const [view, setView] = useState<BroadcastView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let lastState: string | null = null
    const read = async () => {
      try {
        const next = await unwrap(api.GET('/api/v1/broadcasts/{id}', { params: { path: { id: props.id } } }))
        if (stopped) return
        setError(null)
        setView(next)
        // Paused or cancelled, a send already handed to the sender still finishes: read until it has.
        const inFlight = (next.jobs.sending ?? 0) + (next.jobs.unknown ?? 0)
        const more = next.state === 'running' || inFlight > 0
        // The list follows each new state, and the final figures once nothing moves any more.
        if (next.state !== lastState || !more) props.onChange(next)
        lastState = next.state
        if (more) timer = setTimeout(read, POLL_MS)
      } catch (failure) {
        if (!stopped) setError((failure as Error).message)
      }
    }
    void read()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [props.id, generation])

  const act = async (action: Action) => {
    setBusy(true)
    props.onOutcome(null)
    try {
      const path = { params: { path: { id: props.id } } }
      const res =
        action === 'pause'
          ? await unwrap(api.POST('/api/v1/broadcasts/{id}/pause', path))
          : action === 'resume'
            ? await unwrap(api.POST('/api/v1/broadcasts/{id}/resume', path))
            : await unwrap(api.POST('/api/v1/broadcasts/{id}/cancel', path))
      const label = STATE_LABELS[res.state as BroadcastView['state']]
      props.onOutcome({
        ok: true,
        message: t('broadcasts.nowState', { state: label ? t(label) : res.state }),
      })
    } catch (failure) {
      props.onOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
      setGeneration((g) => g + 1)
    }
  }

  if (error) return <ErrorBox message={error} onRetry={() => setGeneration((g) => g + 1)} />
  if (!view)
    return (
      <p class="state" role="status" data-testid="loading">
        {t('state.loading')}
      </p>
    )
  const n = (v: number) => formatNumber(v, locale)
  const total = Math.max(view.estimate.recipients, view.queued_recipients)
  const refused = refusedTotal(view)
  const done = refused + FINISHED.reduce((sum, s) => sum + (view.jobs[s] ?? 0), 0)
  return (
    <section class="card" aria-labelledby="bc-detail-title" data-testid="broadcast-detail">
      <h2 id="bc-detail-title">{view.name}</h2>
      <p>
        <span class={`bc-state bc-${view.state}`} data-testid="detail-state">
          {t(STATE_LABELS[view.state])}
        </span>{' '}
        · {t(view.mode === 'spread' ? 'broadcasts.mode.spread' : 'broadcasts.mode.normal')} ·{' '}
        {view.template.name} ({view.template.language}) · {formatDateTime(view.created_at, locale)}
      </p>
      <label for="bc-progress">{t('broadcasts.progress', { done: n(done), total: n(total) })}</label>
      <progress
        id="bc-progress"
        class="bc-progress"
        max={Math.max(1, total)}
        value={done}
        data-testid="detail-progress"
      />
      <dl class="queues">
        <dt>{t('broadcasts.recipients')}</dt>
        <dd>{n(view.estimate.recipients)}</dd>
        <dt>{t('broadcasts.queuedRecipients')}</dt>
        <dd data-testid="detail-queued">{n(queuedTotal(view))}</dd>
        <dt>{t('broadcasts.sent')}</dt>
        <dd data-testid="detail-sent">{n(view.jobs.sent ?? 0)}</dd>
        <dt>{t('broadcasts.refused')}</dt>
        <dd data-testid="detail-refused">{n(refused)}</dd>
      </dl>
      <table data-testid="detail-jobs">
        <caption>{t('broadcasts.jobs')}</caption>
        <tbody>
          {Object.entries(view.jobs).map(([state, count]) => (
            <tr key={state}>
              <th scope="row">{JOB_LABELS[state] ? t(JOB_LABELS[state]) : state}</th>
              <td data-testid={`jobs-${state}`}>{n(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {refused > 0 && (
        <table data-testid="detail-refusals">
          <caption>{t('broadcasts.refusedBy')}</caption>
          <tbody>
            {Object.entries(view.refused).map(([reason, count]) => {
              const label = REFUSAL_LABELS[reason]
              return (
                <tr key={reason}>
                  <th scope="row">{label ? t(label) : reason}</th>
                  <td>{n(count)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <div class="actions bc-actions">
        {(['pause', 'resume', 'cancel'] as const).map((action) => (
          <button
            key={action}
            type="button"
            class={action === 'cancel' ? 'secondary' : undefined}
            disabled={busy || !ALLOWED[action].includes(view.state)}
            onClick={() => void act(action)}
          >
            {t(ACTION_LABELS[action])}
          </button>
        ))}{' '}
        <button type="button" class="secondary" onClick={props.onClose}>
          {t('broadcasts.close')}
        </button>
      </div>
    </section>
  )
}
