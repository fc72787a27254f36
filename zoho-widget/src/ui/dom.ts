/**
 * @fileoverview The widget's only way to build DOM. Children that are strings become text nodes and
 * attributes are set with `setAttribute`, so nothing a customer wrote can become markup; nothing in
 * the widget hands a string to the HTML parser (a test checks the sources).
 */

type Child = Node | string | null | undefined | false
type Handler = (event: Event) => void

export interface Props {
  class?: string
  /** `data-testid`: what tests and screenshots find elements by. */
  testid?: string
  attrs?: Record<string, string | number | boolean | null | undefined>
  on?: Partial<Record<'click' | 'input' | 'change' | 'submit' | 'keydown', Handler>>
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  if (props.class) el.className = props.class
  if (props.testid) el.setAttribute('data-testid', props.testid)
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue
    el.setAttribute(name, value === true ? '' : String(value))
  }
  for (const [event, handler] of Object.entries(props.on ?? {}))
    el.addEventListener(event, handler as Handler)
  append(el, children.flat())
  return el
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child)
  }
}

/** Replaces everything in `parent` with `children`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren()
  append(parent, children)
}

/** Only http(s) URLs become links; anything else (javascript:, data:) stays text. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

export function link(url: string, label: string, testid?: string): HTMLAnchorElement {
  return h('a', { testid, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } }, label)
}
