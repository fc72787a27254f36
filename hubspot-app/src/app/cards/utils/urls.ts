/** True for an absolute https URL; anything else (javascript:, data:, relative) is never linked. */
export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:'
  } catch {
    return false
  }
}
