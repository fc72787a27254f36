import type { RenderedChildNode, RenderedRootNode } from '@hubspot/ui-extensions/testing'

type Node = RenderedChildNode | RenderedRootNode | { text: string | null; childNodes?: RenderedChildNode[] }

/** All text under a rendered node, joined with spaces (a node's own `text` is null once it has element children). */
export function textOf(node: Node | null | undefined): string {
  if (!node) return ''
  if (!('childNodes' in node) || !node.childNodes) return node.text ?? ''
  return node.childNodes
    .map((child) => textOf(child))
    .filter(Boolean)
    .join(' ')
}
