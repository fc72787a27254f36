import { createBackendApi } from '../src/api/backend-api'
import { createTranslator } from '../src/i18n/locale'
import { Widget } from '../src/ui/widget'
import type { RecordContext } from '../src/zoho/adapter'
import type { fakeBackend } from './fixtures'

export const RECORD: RecordContext = { entity: 'Contacts', recordId: '5725767000000411001' }

/** Mounts the widget in a fresh document body with a fake backend; returns helpers to read it. */
export function mount(
  backend: ReturnType<typeof fakeBackend>,
  locale = 'en-US',
  phone: string | null = '+5511999990000',
  now?: () => number,
) {
  document.body.replaceChildren()
  const root = document.createElement('main')
  document.body.appendChild(root)
  const phones: RecordContext[] = []
  const widget = new Widget(root, {
    api: createBackendApi(backend.call),
    i18n: createTranslator({ locale, timeZone: 'UTC' }),
    recordPhone: async (record) => {
      phones.push(record)
      return phone
    },
    connectionName: 'whatsapp_scrm',
    now,
  })
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    root.querySelector<T>(`[data-testid="${id}"]`)
  const text = (id: string) => byTestId(id)?.textContent ?? null
  return { root, widget, byTestId, text, phones }
}

export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value
  select.dispatchEvent(new Event('change', { bubbles: true }))
}
