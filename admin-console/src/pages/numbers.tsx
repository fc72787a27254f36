import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { components } from '../api/schema'
import { useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { formatDateTime, formatNumber } from '../ui/format'
import { Pager, usePage } from '../ui/pager'

type Channel = components['schemas']['Channel']

export function NumbersPage() {
  const { t } = useI18n()
  const [channels, reloadChannels] = useLoad(() => unwrap(api.GET('/api/v1/channels')))
  return (
    <section aria-labelledby="numbers-title" data-testid="page-numbers">
      <h1 id="numbers-title">{t('numbers.title')}</h1>
      <Loaded load={channels} retry={reloadChannels}>
        {(data) =>
          data.channels.length === 0 ? (
            <Empty>{t('numbers.empty')}</Empty>
          ) : (
            <ChannelTable channels={data.channels} onChanged={reloadChannels} />
          )
        }
      </Loaded>
      <AddNumber onAdded={reloadChannels} />
      <Templates />
    </section>
  )
}

function ChannelTable(props: { channels: Channel[]; onChanged: () => void }) {
  const { t, locale } = useI18n()
  const page = usePage(props.channels)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const resume = async (channel: Channel) => {
    try {
      await unwrap(api.POST('/api/v1/channels/{id}/resume', { params: { path: { id: channel.id } } }))
      setOutcome({ ok: true, message: t('numbers.resumed', { number: channel.display_phone_number }) })
      props.onChanged()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    }
  }
  return (
    <>
      <table data-testid="numbers-table">
        <thead>
          <tr>
            <th scope="col">{t('numbers.number')}</th>
            <th scope="col">{t('numbers.name')}</th>
            <th scope="col">{t('numbers.limits')}</th>
            <th scope="col">{t('numbers.tier')}</th>
            <th scope="col">{t('numbers.quality')}</th>
            <th scope="col">{t('numbers.ownership')}</th>
            <th scope="col">{t('numbers.status')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((c) => (
            <tr key={c.id} data-testid="number-row">
              <td>
                {c.display_phone_number}
                <div class="hint">{c.phone_number_id}</div>
              </td>
              <td>{c.verified_name ?? ''}</td>
              <td>{t('numbers.mps', { mps: c.mps })}</td>
              <td>
                {c.tier_limit === null
                  ? t('numbers.tierUnlimited')
                  : t('numbers.tierValue', { limit: formatNumber(c.tier_limit, locale) })}
              </td>
              <td>{c.quality_event ?? t('numbers.qualityNone')}</td>
              <td>{c.ownership === 'proven' ? t('numbers.proven') : t('numbers.unchecked')}</td>
              <td>
                {c.paused_until ? (
                  <>
                    <span class="error-text">
                      {t('numbers.paused', {
                        until: formatDateTime(c.paused_until, locale),
                        reason: c.paused_reason ?? '',
                      })}
                    </span>{' '}
                    <button type="button" onClick={() => resume(c)}>
                      {t('numbers.resume')}
                    </button>
                  </>
                ) : (
                  t('numbers.sending')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} label={t('numbers.title')} />
      <OutcomeLine outcome={outcome} />
    </>
  )
}

function AddNumber(props: { onAdded: () => void }) {
  const { t } = useI18n()
  const [form, setForm] = useState({ phone_number_id: '', default_region: '', waba_id: '', access_token: '' })
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const field = (name: keyof typeof form) => ({
    id: `add-${name}`,
    name,
    value: form[name],
    onInput: (e: Event) => setForm({ ...form, [name]: (e.currentTarget as HTMLInputElement).value }),
  })
  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setOutcome(null)
    try {
      const answer = await unwrap(
        api.POST('/api/v1/channels', {
          body: {
            phone_number_id: form.phone_number_id.trim(),
            default_region: form.default_region.trim().toUpperCase(),
            access_token: form.access_token.trim(),
            ...(form.waba_id.trim() ? { waba_id: form.waba_id.trim() } : {}),
          },
        }),
      )
      setOutcome({ ok: true, message: t('numbers.added', { number: answer.channel.display_phone_number }) })
      setForm({ phone_number_id: '', default_region: '', waba_id: '', access_token: '' })
      props.onAdded()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="card" onSubmit={submit} aria-labelledby="add-number-title" data-testid="add-number">
      <h2 id="add-number-title">{t('numbers.add')}</h2>
      <p class="hint">{t('numbers.addIntro')}</p>
      <label for="add-phone_number_id">{t('numbers.phoneNumberId')}</label>
      <input {...field('phone_number_id')} required inputMode="numeric" pattern="[0-9]{5,20}" />
      <label for="add-default_region">{t('numbers.region')}</label>
      <input {...field('default_region')} required maxLength={2} />
      <label for="add-waba_id">{t('numbers.wabaId')}</label>
      <input {...field('waba_id')} inputMode="numeric" />
      <label for="add-access_token">{t('numbers.token')}</label>
      <input {...field('access_token')} type="password" required autocomplete="off" />
      <button type="submit" disabled={busy}>
        {busy ? t('numbers.adding') : t('numbers.addSubmit')}
      </button>
      <OutcomeLine outcome={outcome} />
    </form>
  )
}

function Templates() {
  const { t } = useI18n()
  const [templates, reload] = useLoad(() => unwrap(api.GET('/api/v1/templates')))
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const sync = async () => {
    setBusy(true)
    setOutcome(null)
    try {
      const { synced } = await unwrap(api.POST('/api/v1/templates/sync'))
      setOutcome({ ok: true, message: t('templates.synced', { count: synced }) })
      reload()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <section aria-labelledby="templates-title" data-testid="templates">
      <h2 id="templates-title">{t('templates.title')}</h2>
      <button type="button" onClick={sync} disabled={busy} data-testid="sync-templates">
        {busy ? t('templates.syncing') : t('templates.sync')}
      </button>
      <OutcomeLine outcome={outcome} />
      <Loaded load={templates} retry={reload}>
        {(data) =>
          data.templates.length === 0 ? (
            <Empty testId="templates-empty">{t('templates.empty')}</Empty>
          ) : (
            <TemplateTable templates={data.templates} />
          )
        }
      </Loaded>
    </section>
  )
}

function TemplateTable(props: {
  templates: {
    id: string
    name: string
    language: string
    category: string
    status: string
    body_params: number
  }[]
}) {
  const { t } = useI18n()
  const page = usePage(props.templates)
  return (
    <>
      <table data-testid="templates-table">
        <thead>
          <tr>
            <th scope="col">{t('templates.name')}</th>
            <th scope="col">{t('templates.language')}</th>
            <th scope="col">{t('templates.category')}</th>
            <th scope="col">{t('templates.status')}</th>
            <th scope="col">{t('templates.params')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((tpl) => (
            <tr key={tpl.id}>
              <td>{tpl.name}</td>
              <td>{tpl.language}</td>
              <td>{tpl.category}</td>
              <td>{tpl.status}</td>
              <td>{tpl.body_params}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} label={t('templates.title')} />
    </>
  )
}
