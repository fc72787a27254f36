import type { ComponentChildren } from 'preact'
import { ApiFailure } from '../api/client'

/** A refusal's details by input: "address" or "aliases.2" → the first part names the input. */
export function errorsByInput(failure: unknown): Map<string, string> {
  const byInput = new Map<string, string>()
  if (failure instanceof ApiFailure)
    for (const d of failure.details) {
      const input = d.path.split('.')[0] as string
      if (!byInput.has(input)) byInput.set(input, d.message)
    }
  return byInput
}

/**
 * A labelled input with the refusal that concerns it shown right under it (and announced, and
 * tied to the input with aria-describedby). The input is given as a function of its ids.
 */
export function Field(props: {
  id: string
  label: string
  error?: string
  hint?: string
  children: (a11y: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => ComponentChildren
}) {
  const errorId = `${props.id}-error`
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        'aria-invalid': props.error ? 'true' : undefined,
        'aria-describedby': props.error ? errorId : undefined,
      })}
      {props.hint && <div class="hint">{props.hint}</div>}
      {props.error && (
        <div id={errorId} class="error-text" role="alert" data-testid={`${props.id}-error`}>
          {props.error}
        </div>
      )}
    </div>
  )
}
