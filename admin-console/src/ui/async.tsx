import type { ComponentChildren } from 'preact'
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { useI18n } from '../i18n'

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; data: T; refreshing: boolean }

/**
 * Runs `load` now and on `reload()`; an answer that arrives after a newer request started is
 * dropped. Keeps showing the last data while refreshing, so a page does not flash.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): [Load<T>, () => void] {
  const [value, setValue] = useState<Load<T>>({ state: 'loading' })
  const generation = useRef(0)
  // The caller names what the load depends on (`deps`), as with useEffect.
  const run = useCallback(() => {
    const mine = ++generation.current
    setValue((v) => (v.state === 'ready' ? { ...v, refreshing: true } : { state: 'loading' }))
    load().then(
      (data) => mine === generation.current && setValue({ state: 'ready', data, refreshing: false }),
      (error: Error) => mine === generation.current && setValue({ state: 'error', message: error.message }),
    )
  }, deps)
  useEffect(run, [run])
  return [value, run]
}

/** Loading, error (the API's message and a retry) or the content. */
export function Loaded<T>(props: {
  load: Load<T>
  retry: () => void
  children: (data: T) => ComponentChildren
}) {
  const { t } = useI18n()
  if (props.load.state === 'loading')
    return (
      <p class="state" role="status" data-testid="loading">
        {t('state.loading')}
      </p>
    )
  if (props.load.state === 'error') return <ErrorBox message={props.load.message} onRetry={props.retry} />
  return <>{props.children(props.load.data)}</>
}

export function ErrorBox(props: { message: string; onRetry?: () => void }) {
  const { t } = useI18n()
  return (
    <div class="error" role="alert" data-testid="error">
      <strong>{t('state.errorTitle')}</strong>
      <p data-testid="error-message">{props.message}</p>
      {props.onRetry && (
        <button type="button" onClick={props.onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  )
}

export function Empty(props: { children: ComponentChildren; testId?: string }) {
  return (
    <p class="empty" data-testid={props.testId ?? 'empty'}>
      {props.children}
    </p>
  )
}

/** What a form's last action said: a success line or the API's refusal. */
export type Outcome = { ok: true; message: string } | { ok: false; message: string } | null

export function OutcomeLine(props: { outcome: Outcome }) {
  if (!props.outcome) return null
  return props.outcome.ok ? (
    <p class="success" role="status" data-testid="outcome">
      {props.outcome.message}
    </p>
  ) : (
    <p class="error" role="alert" data-testid="outcome-error">
      {props.outcome.message}
    </p>
  )
}
