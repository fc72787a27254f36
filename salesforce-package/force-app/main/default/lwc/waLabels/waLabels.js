import { LABELS } from './labels'

/** Fills `{name}` placeholders of one of our own labels; the result is only ever shown as text. */
export function interpolate(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  )
}

/** The label for a key known at build time. */
export function t(key, params) {
  const value = LABELS[key]
  return value === undefined ? key : interpolate(value, params)
}

/** The label for a key built at run time (a status, a reason); null when there is none. */
export function maybeT(key, params) {
  return Object.hasOwn(LABELS, key) ? interpolate(LABELS[key], params) : null
}

export { LABELS }
