import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { components, paths } from '../api/schema'
import { useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { formatDateTime } from '../ui/format'
import { CursorPager, Pager, usePage } from '../ui/pager'

type Subscription = components['schemas']['EventSubscription']
type Delivery = components['schemas']['EventDelivery']
type EventType = components['schemas']['NewEventSubscription']['events'][number]
type DeliveryState = NonNullable<
  NonNullable<paths['/api/v1/event-subscriptions/{id}/deliveries']['get']['parameters']['query']>['state']
>

const EVENT_TYPES: EventType[] = [
  'message.received',
  'message.status',
  'contact.created',
  'contact.tagged',
  'segment.changed',
  'review.created',
  'alert.raised',
]
const DELIVERY_STATES: DeliveryState[] = ['pending', 'sending', 'delivered', 'failed']
const PAGE = 20

export function EventWebhooksPage() {
  const { t } = useI18n()
  const [subs, reload] = useLoad(() => unwrap(api.GET('/api/v1/event-subscriptions')))
  const [selected, setSelected] = useState<Subscription | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const remove = async (sub: Subscription) => {
    setOutcome(null)
    try {
      await unwrap(api.DELETE('/api/v1/event-subscriptions/{id}', { params: { path: { id: sub.id } } }))
      if (selected?.id === sub.id) setSelected(null)
      setOutcome({ ok: true, message: t('hooks.deleted', { url: sub.url }) })
      reload()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    }
  }
  return (
    <section aria-labelledby="hooks-title" data-testid="page-webhooks">
      <h1 id="hooks-title">{t('hooks.title')}</h1>
      <p class="hint">{t('hooks.intro')}</p>
      <OutcomeLine outcome={outcome} />
      <Loaded load={subs} retry={reload}>
        {(data) =>
          data.subscriptions.length === 0 ? (
            <Empty>{t('hooks.empty')}</Empty>
          ) : (
            <SubscriptionTable subs={data.subscriptions} onDeliveries={setSelected} onDelete={remove} />
          )
        }
      </Loaded>
      <Subscribe onCreated={reload} />
      {selected && <Deliveries key={selected.id} sub={selected} />}
    </section>
  )
}

function SubscriptionTable(props: {
  subs: Subscription[]
  onDeliveries: (sub: Subscription) => void
  onDelete: (sub: Subscription) => void
}) {
  const { t, locale } = useI18n()
  const page = usePage(props.subs)
  return (
    <>
      <table data-testid="subscriptions-table">
        <thead>
          <tr>
            <th scope="col">{t('hooks.url')}</th>
            <th scope="col">{t('hooks.events')}</th>
            <th scope="col">{t('hooks.state')}</th>
            <th scope="col">{t('hooks.created')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('hooks.deliveries')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((sub) => (
            <tr key={sub.id} data-testid="subscription-row">
              <td>
                {sub.url}
                {sub.description && <div class="hint">{sub.description}</div>}
              </td>
              <td>{sub.events.join(', ')}</td>
              <td>
                {sub.active ? t('hooks.active') : t('hooks.disabled', { reason: sub.disabled_reason ?? '' })}
              </td>
              <td>{formatDateTime(sub.created_at, locale)}</td>
              <td class="row-actions">
                <button type="button" onClick={() => props.onDeliveries(sub)}>
                  {t('hooks.deliveries')}
                </button>{' '}
                <button type="button" class="secondary" onClick={() => props.onDelete(sub)}>
                  {t('hooks.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} label={t('hooks.title')} />
    </>
  )
}

function Subscribe(props: { onCreated: () => void }) {
  const { t } = useI18n()
  const [url, setUrl] = useState('')
  const [description, setDescription] = useState('')
  const [events, setEvents] = useState<EventType[]>(['message.received'])
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const toggle = (type: EventType) =>
    setEvents(events.includes(type) ? events.filter((e) => e !== type) : [...events, type])
  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setOutcome(null)
    try {
      const created = await unwrap(
        api.POST('/api/v1/event-subscriptions', {
          body: {
            url: url.trim(),
            events,
            ...(description.trim() ? { description: description.trim() } : {}),
          },
        }),
      )
      setOutcome({ ok: true, message: t('hooks.secret', { secret: created.secret }) })
      setUrl('')
      setDescription('')
      props.onCreated()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="card" onSubmit={submit} aria-labelledby="subscribe-title" data-testid="subscribe">
      <h2 id="subscribe-title">{t('hooks.add')}</h2>
      <label for="hook-url">{t('hooks.url')}</label>
      <input id="hook-url" type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      <label for="hook-description">{t('hooks.description')}</label>
      <input
        id="hook-description"
        value={description}
        maxLength={200}
        onInput={(e) => setDescription(e.currentTarget.value)}
      />
      <fieldset>
        <legend>{t('hooks.events')}</legend>
        {EVENT_TYPES.map((type) => (
          <label key={type} class="check">
            <input type="checkbox" checked={events.includes(type)} onChange={() => toggle(type)} /> {type}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || events.length === 0}>
        {t('hooks.addSubmit')}
      </button>
      <OutcomeLine outcome={outcome} />
    </form>
  )
}

function Deliveries(props: { sub: Subscription }) {
  const { t, locale } = useI18n()
  const [state, setState] = useState<DeliveryState | ''>('')
  // `before` of each page seen; the first page has none.
  const [pages, setPages] = useState<(number | undefined)[]>([undefined])
  const before = pages[pages.length - 1]
  const [deliveries, reload] = useLoad(
    () =>
      unwrap(
        api.GET('/api/v1/event-subscriptions/{id}/deliveries', {
          params: {
            path: { id: props.sub.id },
            query: { limit: PAGE, ...(state ? { state } : {}), ...(before ? { before } : {}) },
          },
        }),
      ),
    [state, before],
  )
  const [outcome, setOutcome] = useState<Outcome>(null)
  const replay = async (delivery: Delivery) => {
    setOutcome(null)
    try {
      await unwrap(
        api.POST('/api/v1/event-deliveries/{id}/replay', { params: { path: { id: delivery.id } } }),
      )
      setOutcome({ ok: true, message: t('hooks.replayed', { id: delivery.id }) })
      reload()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    }
  }
  return (
    <section class="card" aria-labelledby="deliveries-title" data-testid="deliveries">
      <h2 id="deliveries-title">{t('hooks.deliveriesOf', { url: props.sub.url })}</h2>
      <label for="delivery-state">{t('hooks.state')}</label>
      <select
        id="delivery-state"
        value={state}
        onChange={(e) => {
          setState(e.currentTarget.value as DeliveryState | '')
          setPages([undefined])
        }}
      >
        <option value="">{t('hooks.allStates')}</option>
        {DELIVERY_STATES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <OutcomeLine outcome={outcome} />
      <Loaded load={deliveries} retry={reload}>
        {(data) =>
          data.deliveries.length === 0 && pages.length === 1 ? (
            <Empty testId="deliveries-empty">{t('hooks.deliveriesEmpty')}</Empty>
          ) : (
            <>
              <table data-testid="deliveries-table">
                <thead>
                  <tr>
                    <th scope="col">{t('hooks.created')}</th>
                    <th scope="col">{t('hooks.event')}</th>
                    <th scope="col">{t('hooks.state')}</th>
                    <th scope="col">{t('hooks.attempts')}</th>
                    <th scope="col">{t('hooks.lastStatus')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t('hooks.replay')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.deliveries.map((d) => (
                    <tr key={d.id} data-testid="delivery-row">
                      <td>{formatDateTime(d.created_at, locale)}</td>
                      <td>{d.event_type}</td>
                      <td>{d.state}</td>
                      <td>{d.attempts}</td>
                      <td>
                        {d.last_status ?? ''}
                        {d.last_error && <div class="hint">{d.last_error}</div>}
                      </td>
                      <td>
                        {(d.state === 'failed' || d.state === 'delivered') && (
                          <button type="button" class="secondary" onClick={() => replay(d)}>
                            {t('hooks.replay')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <CursorPager
                label={t('hooks.deliveries')}
                cursors={pages}
                next={data.next_before}
                onChange={setPages}
              />
            </>
          )
        }
      </Loaded>
    </section>
  )
}
