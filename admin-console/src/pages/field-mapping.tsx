import { useRef, useState } from 'preact/hooks'
import { ApiFailure, api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { Pager, usePage } from '../ui/pager'
import {
  type CrmProperty,
  PropertyNotes,
  PropertyPicker,
  PropertySource,
  propertyProblem,
} from './property-picker'

type Field =
  paths['/api/v1/connections/{id}/mapping']['get']['responses'][200]['content']['application/json']['fields'][number]

/** A row as edited: the default as typed (empty: none), converted to the field's type on save. */
interface Draft {
  field: string
  property: string
  enabled: boolean
  defaultText: string
}

const toDraft = (f: Field): Draft => ({
  field: f.field,
  property: f.property,
  enabled: f.enabled,
  defaultText: f.default_value === null ? '' : String(f.default_value),
})

/** The typed default the API takes: numbers and booleans for fields of those types, text otherwise. */
function defaultValue(type: string, text: string): string | number | boolean | null {
  if (text.trim() === '') return null
  if (type === 'number' && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim())
  if (type === 'boolean' && /^(true|false)$/.test(text.trim())) return text.trim() === 'true'
  return text
}

export function FieldMapping(props: { connectionId: string; title: string }) {
  const { t } = useI18n()
  const [mapping, reload] = useLoad(
    () =>
      unwrap(api.GET('/api/v1/connections/{id}/mapping', { params: { path: { id: props.connectionId } } })),
    [props.connectionId],
  )
  // The CRM's own property list, for picking; the editor works without it (names typed by hand).
  const fresh = useRef(false)
  const [properties, reloadProperties] = useLoad(() => {
    const query = fresh.current ? { fresh: 'true' as const } : {}
    fresh.current = false
    return unwrap(
      api.GET('/api/v1/connections/{id}/properties', { params: { path: { id: props.connectionId }, query } }),
    ).then((answer) => answer.properties)
  }, [props.connectionId])
  const readPropertiesAgain = () => {
    fresh.current = true
    reloadProperties()
  }
  // Kept here: the form is remounted after a save, and what the save said must stay on screen.
  const [outcome, setOutcome] = useState<Outcome>(null)
  return (
    <section class="card" aria-labelledby="mapping-title" data-testid="field-mapping">
      <h2 id="mapping-title">{props.title}</h2>
      <p class="hint">{t('map.intro')}</p>
      <PropertySource load={properties} onReload={readPropertiesAgain} />
      <Loaded load={mapping} retry={reload}>
        {(data) =>
          data.fields.length === 0 ? (
            <Empty>{t('map.empty')}</Empty>
          ) : (
            // Remounted with what the server now holds after each save (its order may change).
            <MappingForm
              key={JSON.stringify(data.fields)}
              connectionId={props.connectionId}
              fields={data.fields}
              properties={properties.state === 'ready' ? properties.data : null}
              onSaved={reload}
              onOutcome={setOutcome}
            />
          )
        }
      </Loaded>
      <OutcomeLine outcome={outcome} />
    </section>
  )
}

function MappingForm(props: {
  connectionId: string
  fields: Field[]
  /** The CRM's properties; null while unknown (loading or unreadable): no picker, no checks. */
  properties: CrmProperty[] | null
  onSaved: () => void
  onOutcome: (outcome: Outcome) => void
}) {
  const { t } = useI18n()
  // Keyed by field name, so a row always edits its own field whatever the order.
  const [drafts, setDrafts] = useState(() => new Map(props.fields.map((f) => [f.field, toDraft(f)])))
  const [errors, setErrors] = useState<Map<string, string>>(new Map())
  const [busy, setBusy] = useState(false)
  const setOutcome = props.onOutcome
  const page = usePage(props.fields.map((f, i) => ({ f, i })))
  const set = (field: string, change: Partial<Draft>) =>
    setDrafts(new Map(drafts).set(field, { ...(drafts.get(field) as Draft), ...change }))

  const save = async (event: Event) => {
    event.preventDefault()
    setOutcome(null)
    // A read-only property would refuse every write: said on its row before anything is sent.
    const readOnly = new Map<string, string>()
    props.fields.forEach((f, i) => {
      const property = (drafts.get(f.field) as Draft).property.trim()
      const known = props.properties?.find((p) => p.name === property)
      if (known && !known.writable) readOnly.set(`${i}.property`, t('map.readOnly', { name: known.name }))
    })
    setErrors(readOnly)
    if (readOnly.size > 0) {
      setOutcome({ ok: false, message: t('map.readOnlyRefused') })
      return
    }
    setBusy(true)
    try {
      await unwrap(
        api.PUT('/api/v1/connections/{id}/mapping', {
          params: { path: { id: props.connectionId } },
          body: {
            fields: props.fields.map((f) => {
              const d = drafts.get(f.field) as Draft
              return {
                field: f.field,
                property: d.property.trim(),
                enabled: d.enabled,
                default_value: defaultValue(f.type, d.defaultText),
              }
            }),
          },
        }),
      )
      setOutcome({ ok: true, message: t('map.saved') })
      props.onSaved()
    } catch (failure) {
      // "fields.3.property": shown under that row's input.
      const byInput = new Map<string, string>()
      if (failure instanceof ApiFailure)
        for (const d of failure.details) {
          const match = /^fields\.(\d+)\.(\w+)$/.exec(d.path)
          if (match) byInput.set(`${match[1]}.${match[2]}`, d.message)
        }
      setErrors(byInput)
      setOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const errorOf = (i: number, input: string) => errors.get(`${i}.${input}`)
  return (
    <form onSubmit={save}>
      <table data-testid="mapping-table">
        <thead>
          <tr>
            <th scope="col">{t('map.field')}</th>
            <th scope="col">{t('map.property')}</th>
            <th scope="col">{t('map.synced')}</th>
            <th scope="col">{t('map.default')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map(({ f, i }) => {
            const d = drafts.get(f.field) as Draft
            const propertyError = errorOf(i, 'property')
            const defaultError = errorOf(i, 'default_value')
            return (
              <tr key={f.field} data-testid="mapping-row" data-field={f.field}>
                <td>
                  {f.label}
                  <div class="hint">{f.field}</div>
                </td>
                <td>
                  <input
                    aria-label={`${t('map.property')}: ${f.label}`}
                    value={d.property}
                    aria-invalid={propertyError ? 'true' : undefined}
                    onInput={(e) => set(f.field, { property: e.currentTarget.value })}
                  />
                  {props.properties && (
                    <PropertyPicker
                      fieldLabel={f.label}
                      fieldKey={f.field}
                      properties={props.properties}
                      value={d.property.trim()}
                      onPick={(name) => set(f.field, { property: name })}
                    />
                  )}
                  {props.properties && (
                    <PropertyNotes
                      problem={propertyProblem(
                        props.properties,
                        d.property.trim(),
                        f.type,
                        f.managed && d.property.trim() === f.property,
                      )}
                    />
                  )}
                  {propertyError && (
                    <div class="error-text" role="alert" data-testid="mapping-error">
                      {propertyError}
                    </div>
                  )}
                  {f.property_type && (
                    <div class="hint">{t('map.propertyType', { type: f.property_type })}</div>
                  )}
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('map.synced')}: ${f.label}`}
                    checked={d.enabled}
                    onChange={() => set(f.field, { enabled: !d.enabled })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t('map.default')}: ${f.label}`}
                    value={d.defaultText}
                    aria-invalid={defaultError ? 'true' : undefined}
                    onInput={(e) => set(f.field, { defaultText: e.currentTarget.value })}
                  />
                  {defaultError && (
                    <div class="error-text" role="alert">
                      {defaultError}
                    </div>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <Pager {...page} label={t('map.field')} />
      <button type="submit" disabled={busy}>
        {t('map.save')}
      </button>
    </form>
  )
}
