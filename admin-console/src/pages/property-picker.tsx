import { useRef, useState } from 'preact/hooks'
import type { paths } from '../api/schema'
import { type MessageKey, type Translate, useI18n } from '../i18n'
import type { Load } from '../ui/async'

export type CrmProperty =
  paths['/api/v1/connections/{id}/properties']['get']['responses'][200]['content']['application/json']['properties'][number]

const TYPES = ['string', 'number', 'datetime', 'enumeration', 'multi_enumeration', 'bool']

/** Our neutral type in words ("date and time"); an unknown one as it came. */
export function typeName(t: Translate, type: string): string {
  return TYPES.includes(type) ? t(`map.type.${type}` as MessageKey) : type
}

/**
 * Text properties take any of our values (written as text); otherwise the types must agree, or
 * every value would be refused by the CRM or held for review.
 */
const fits = (fieldType: string, propertyType: string) =>
  propertyType === fieldType || propertyType === 'string'

export type PropertyProblem =
  | { kind: 'ok'; property: CrmProperty }
  | { kind: 'readOnly'; property: CrmProperty }
  | { kind: 'mismatch'; property: CrmProperty; fieldType: string }
  | { kind: 'unknown' }
  | null

/** What to say under a row about the property it names (nothing for an empty name or our own property). */
export function propertyProblem(
  properties: CrmProperty[],
  name: string,
  fieldType: string,
  ours: boolean,
): PropertyProblem {
  if (name === '') return null
  const property = properties.find((p) => p.name === name)
  if (!property) return ours ? null : { kind: 'unknown' }
  if (!property.writable) return { kind: 'readOnly', property }
  if (!fits(fieldType, property.type)) return { kind: 'mismatch', property, fieldType }
  return { kind: 'ok', property }
}

export function PropertyNotes(props: { problem: PropertyProblem }) {
  const { t } = useI18n()
  const p = props.problem
  if (!p) return null
  if (p.kind === 'unknown')
    return (
      <div class="hint" data-testid="mapping-unknown">
        {t('map.unknownProperty')}
      </div>
    )
  const info = t('map.inCrm', { label: p.property.label, type: typeName(t, p.property.type) })
  if (p.kind === 'ok')
    return (
      <div class="hint" data-testid="mapping-property-info">
        {info}
      </div>
    )
  return (
    <div class="warning-text" role="status" data-testid="mapping-warning">
      {p.kind === 'readOnly'
        ? t('map.readOnly', { name: p.property.name })
        : t('map.typeMismatch', {
            propertyType: typeName(t, p.property.type),
            fieldType: typeName(t, p.fieldType),
          })}
    </div>
  )
}

/**
 * Chooses a CRM property for one row: a search box filtering a list box of the properties that
 * take writes (label, name, type). Keyboard: ↓ from the search box into the list, arrows pick,
 * Enter or Escape closes and returns to the button. The row's text box stays editable throughout.
 */
export function PropertyPicker(props: {
  fieldKey: string
  fieldLabel: string
  properties: CrmProperty[]
  value: string
  onPick: (name: string) => void
}) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const toggle = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLSelectElement>(null)
  const panelId = `property-picker-${props.fieldKey}`
  const writable = props.properties.filter((p) => p.writable)
  const q = query.trim().toLowerCase()
  const shown = q
    ? writable.filter((p) => p.name.toLowerCase().includes(q) || p.label.toLowerCase().includes(q))
    : writable
  const close = () => {
    setOpen(false)
    toggle.current?.focus()
  }
  return (
    <div class="property-picker">
      <button
        type="button"
        class="secondary"
        ref={toggle}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('map.choose', { field: props.fieldLabel })}
        onClick={() => setOpen(!open)}
      >
        {t('map.chooseShort')}
      </button>
      {open && (
        <div id={panelId} class="picker-panel" data-testid="property-picker">
          <input
            type="search"
            aria-label={t('map.search', { field: props.fieldLabel })}
            placeholder={t('map.searchPlaceholder')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault()
                list.current?.focus()
              } else if (e.key === 'Escape') {
                e.preventDefault()
                close()
              }
            }}
          />
          <select
            ref={list}
            size={Math.max(2, Math.min(8, shown.length))}
            aria-label={t('map.options', { field: props.fieldLabel })}
            value={props.value}
            onChange={(e) => props.onPick(e.currentTarget.value)}
            onDblClick={close}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === 'Escape') {
                e.preventDefault()
                close()
              }
            }}
          >
            {shown.map((p) => (
              <option key={p.name} value={p.name}>
                {`${p.label} — ${p.name} (${typeName(t, p.type)})`}
              </option>
            ))}
          </select>
          <p class="hint" role="status">
            {t('map.matches', { count: shown.length, readOnly: props.properties.length - writable.length })}
          </p>
        </div>
      )}
    </div>
  )
}

/** Where the picker's list comes from: reading, unreadable (the API's message; typing still works), or read. */
export function PropertySource(props: { load: Load<CrmProperty[]>; onReload: () => void }) {
  const { t } = useI18n()
  const load = props.load
  if (load.state === 'loading')
    return (
      <p class="hint" role="status" data-testid="properties-loading">
        {t('map.propertiesLoading')}
      </p>
    )
  if (load.state === 'error')
    return (
      <div class="warning" role="alert" data-testid="properties-error">
        <strong>{t('map.propertiesFailed')}</strong>
        <p data-testid="properties-error-message">{load.message}</p>
        <button type="button" class="secondary" onClick={props.onReload}>
          {t('state.retry')}
        </button>
      </div>
    )
  return (
    <p class="hint" data-testid="properties-ready">
      {t('map.propertiesRead', { count: load.data.length })}{' '}
      <button type="button" class="secondary" disabled={load.refreshing} onClick={props.onReload}>
        {t('map.propertiesReload')}
      </button>
    </p>
  )
}
