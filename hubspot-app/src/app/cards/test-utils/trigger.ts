/**
 * `node.trigger(event, value)`: the library types the value as the handler itself, so calls
 * with a plain value (`'text'`, `true`) go through this thin cast.
 */
export function fire(node: { trigger: unknown }, event: string, value?: unknown): void {
  ;(node.trigger as (event: string, value?: unknown) => void)(event, value)
}
