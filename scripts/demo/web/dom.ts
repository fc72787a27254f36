/** Small DOM helpers for the demo pages: every piece of data goes in as text, never as markup. */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: { className?: string; testId?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (attrs.className) node.className = attrs.className
  if (attrs.testId) node.dataset.testid = attrs.testId
  for (const child of children)
    node.append(typeof child === 'string' ? document.createTextNode(child) : child)
  return node
}

export function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.querySelector<T>(`[data-testid="${id}"]`)
  if (!node) throw new Error(`missing element ${id}`)
  return node
}

export function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option')
  o.value = value
  o.textContent = label
  return o
}

/** The demo's JSON endpoints; an error answer throws with the server's message. */
export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init)
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null
  if (!res.ok) throw new Error(body?.error?.message ?? `${path} answered ${res.status}`)
  return body as T
}

export const time = (iso: string) =>
  new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
