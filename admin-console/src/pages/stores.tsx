import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { type MessageKey, useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { errorsByInput, Field } from '../ui/field'
import { Pager, usePage } from '../ui/pager'

type Store = paths['/api/v1/stores']['get']['responses'][200]['content']['application/json']['stores'][number]
type StoreInput = NonNullable<paths['/api/v1/stores']['post']['requestBody']>['content']['application/json']

const TEXT_FIELDS = ['name', 'address', 'city', 'region', 'country', 'hours', 'maps_url'] as const
type TextField = (typeof TEXT_FIELDS)[number]
/** Every input as typed; aliases as one comma-separated line. */
type Draft = Record<TextField | 'aliases', string>

const EMPTY: Draft = {
  name: '',
  address: '',
  city: '',
  region: '',
  country: '',
  hours: '',
  maps_url: '',
  aliases: '',
}
const toDraft = (s: Store): Draft => ({
  name: s.name,
  address: s.address,
  city: s.city ?? '',
  region: s.region ?? '',
  country: s.country ?? '',
  hours: s.hours ?? '',
  maps_url: s.maps_url ?? '',
  aliases: s.aliases.join(', '),
})

/** What the API takes: an empty optional field is "none" (null), not an empty string. */
const toBody = (d: Draft): StoreInput => {
  const optional = (v: string) => (v.trim() === '' ? null : v.trim())
  return {
    name: d.name,
    address: d.address,
    city: optional(d.city),
    region: optional(d.region),
    country: optional(d.country),
    hours: optional(d.hours),
    maps_url: optional(d.maps_url),
    aliases: d.aliases
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a),
  }
}

export function StoresPage() {
  const { t } = useI18n()
  const [stores, reload] = useLoad(() => unwrap(api.GET('/api/v1/stores')))
  // id null: a new store; null editor: closed.
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [busy, setBusy] = useState(false)

  const remove = async (store: Store) => {
    setBusy(true)
    setOutcome(null)
    try {
      await unwrap(api.DELETE('/api/v1/stores/{id}', { params: { path: { id: store.id } } }))
      if (editing?.id === store.id) setEditing(null)
      setOutcome({ ok: true, message: t('stores.deleted', { name: store.name }) })
      reload()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="stores-title" data-testid="page-stores">
      <h1 id="stores-title">{t('stores.title')}</h1>
      <p class="hint">{t('stores.intro')}</p>
      <div class="actions">
        <button type="button" onClick={() => setEditing({ id: null, draft: EMPTY })}>
          {t('stores.new')}
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
      <Loaded load={stores} retry={reload}>
        {(data) =>
          data.stores.length === 0 ? (
            <Empty>{t('stores.empty')}</Empty>
          ) : (
            <StoreTable
              stores={data.stores}
              busy={busy}
              onEdit={(s) => setEditing({ id: s.id, draft: toDraft(s) })}
              onDelete={remove}
            />
          )
        }
      </Loaded>
      {editing && (
        <StoreForm
          key={editing.id ?? 'new'}
          id={editing.id}
          initial={editing.draft}
          onSaved={(store, created) => {
            setEditing(null)
            setOutcome({
              ok: true,
              message: t(created ? 'stores.added' : 'stores.saved', { name: store.name }),
            })
            reload()
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  )
}

function StoreTable(props: {
  stores: Store[]
  busy: boolean
  onEdit: (store: Store) => void
  onDelete: (store: Store) => void
}) {
  const { t } = useI18n()
  const page = usePage(props.stores)
  return (
    <>
      <table data-testid="stores-table">
        <thead>
          <tr>
            <th scope="col">{t('stores.name')}</th>
            <th scope="col">{t('stores.address')}</th>
            <th scope="col">{t('stores.place')}</th>
            <th scope="col">{t('stores.hours')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('stores.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((s) => (
            <tr key={s.id} data-testid="store-row">
              <td>{s.name}</td>
              <td>{s.address}</td>
              <td>{[s.city, s.region, s.country].filter((p) => p).join(', ')}</td>
              <td>{s.hours ?? ''}</td>
              <td class="row-actions">
                <button type="button" onClick={() => props.onEdit(s)}>
                  {t('stores.edit')}
                </button>{' '}
                <button
                  type="button"
                  class="secondary"
                  disabled={props.busy}
                  onClick={() => props.onDelete(s)}
                >
                  {t('stores.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} label={t('stores.title')} />
    </>
  )
}

function StoreForm(props: {
  id: string | null
  initial: Draft
  onSaved: (store: Store, created: boolean) => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(props.initial)
  const [errors, setErrors] = useState<Map<string, string>>(new Map())
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setErrors(new Map())
    setRefusal(null)
    try {
      const body = toBody(draft)
      const store = props.id
        ? await unwrap(api.PUT('/api/v1/stores/{id}', { params: { path: { id: props.id } }, body }))
        : await unwrap(api.POST('/api/v1/stores', { body }))
      props.onSaved(store, props.id === null)
    } catch (failure) {
      setErrors(errorsByInput(failure))
      setRefusal((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const input = (field: TextField | 'aliases') => (
    <Field
      key={field}
      id={`store-${field}`}
      label={t(`stores.${field}` as MessageKey)}
      error={errors.get(field)}
      hint={field === 'aliases' || field === 'country' ? t(`stores.${field}Hint` as MessageKey) : undefined}
    >
      {(a11y) => (
        <input
          {...a11y}
          inputMode={field === 'maps_url' ? 'url' : undefined}
          value={draft[field]}
          onInput={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
        />
      )}
    </Field>
  )
  return (
    <form class="card" onSubmit={save} noValidate aria-labelledby="store-form-title" data-testid="store-form">
      <h2 id="store-form-title">
        {props.id ? t('stores.editing', { name: props.initial.name }) : t('stores.new')}
      </h2>
      {TEXT_FIELDS.map(input)}
      {input('aliases')}
      {refusal && (
        <p class="error-text" data-testid="store-refusal">
          {refusal}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('stores.save')}
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onClose}>
        {t('stores.close')}
      </button>
    </form>
  )
}
