import { useEffect, useState } from 'preact/hooks'
import { ApiFailure, api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { Field } from '../ui/field'
import { formatNumber } from '../ui/format'
import { Pager, usePage } from '../ui/pager'
import { PoolCodes } from './pool-codes'

type Pool =
  paths['/api/v1/discount-pools']['get']['responses'][200]['content']['application/json']['pools'][number]

export function DiscountPoolsPage() {
  const { t } = useI18n()
  const [pools, reload] = useLoad(() => unwrap(api.GET('/api/v1/discount-pools')))
  const [open, setOpen] = useState<string | null>(null)
  // Bumped after each change, so the open pool's codes are read again.
  const [version, setVersion] = useState(0)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [busy, setBusy] = useState(false)
  const changed = () => {
    reload()
    setVersion(version + 1)
  }

  const removePool = async (pool: Pool) => {
    setBusy(true)
    setOutcome(null)
    try {
      const { removed } = await unwrap(
        api.DELETE('/api/v1/discount-pools/{pool}', { params: { path: { pool: pool.pool } } }),
      )
      if (open === pool.pool) setOpen(null)
      setOutcome({ ok: true, message: t('pools.poolDeleted', { pool: pool.pool, count: removed }) })
      changed()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="pools-title" data-testid="page-discount-pools">
      <h1 id="pools-title">{t('pools.title')}</h1>
      <p class="hint">{t('pools.intro')}</p>
      {open && (
        <div class="actions">
          <button type="button" onClick={() => setOpen(null)}>
            {t('pools.newPool')}
          </button>
        </div>
      )}
      <OutcomeLine outcome={outcome} />
      <Loaded load={pools} retry={reload}>
        {(data) =>
          data.pools.length === 0 ? (
            <Empty>{t('pools.empty')}</Empty>
          ) : (
            <PoolTable pools={data.pools} open={open} busy={busy} onOpen={setOpen} onDelete={removePool} />
          )
        }
      </Loaded>
      <AddCodes
        pool={open}
        onAdded={(pool) => {
          setOpen(pool)
          changed()
        }}
      />
      {open && <PoolCodes key={`${open}:${version}`} pool={open} onChanged={reload} />}
    </section>
  )
}

function PoolTable(props: {
  pools: Pool[]
  open: string | null
  busy: boolean
  onOpen: (pool: string) => void
  onDelete: (pool: Pool) => void
}) {
  const { t, locale } = useI18n()
  const page = usePage(props.pools)
  return (
    <>
      <table data-testid="pools-table">
        <thead>
          <tr>
            <th scope="col">{t('pools.pool')}</th>
            <th scope="col">{t('pools.total')}</th>
            <th scope="col">{t('pools.free')}</th>
            <th scope="col">{t('pools.assigned')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('pools.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((p) => (
            <tr
              key={p.pool}
              data-testid="pool-row"
              data-pool={p.pool}
              aria-current={p.pool === props.open ? 'true' : undefined}
            >
              <td>
                <code>{p.pool}</code>
              </td>
              <td>{formatNumber(p.total, locale)}</td>
              <td>{formatNumber(p.free, locale)}</td>
              <td>{formatNumber(p.assigned, locale)}</td>
              <td class="row-actions">
                <button type="button" onClick={() => props.onOpen(p.pool)}>
                  {t('pools.open')}
                </button>{' '}
                <button
                  type="button"
                  class="secondary"
                  disabled={props.busy}
                  onClick={() => props.onDelete(p)}
                >
                  {t('pools.deletePool')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} label={t('pools.title')} />
    </>
  )
}

/** Codes pasted one per line into a pool (an existing one, or a new one named here). */
function AddCodes(props: { pool: string | null; onAdded: (pool: string) => void }) {
  const { t } = useI18n()
  const [pool, setPool] = useState(props.pool ?? '')
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<{ pool?: string; codes: string[] }>({ codes: [] })
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [busy, setBusy] = useState(false)
  // Opening another pool (or "new pool") retargets the form; what the last add said stays.
  useEffect(() => {
    setPool(props.pool ?? '')
    setErrors({ codes: [] })
  }, [props.pool])

  const add = async (event: Event) => {
    event.preventDefault()
    setOutcome(null)
    setErrors({ codes: [] })
    // Line numbers of the codes sent, so a refusal of "codes.3" points at the line the admin sees.
    const lines = text.split('\n').map((l, i) => ({ code: l.trim(), line: i + 1 }))
    const sent = lines.filter((l) => l.code)
    if (!pool.trim()) return setErrors({ pool: t('pools.poolRequired'), codes: [] })
    if (sent.length === 0) return setErrors({ codes: [t('pools.codesRequired')] })
    setBusy(true)
    try {
      const added = await unwrap(
        api.POST('/api/v1/discount-pools/{pool}/codes', {
          params: { path: { pool: pool.trim() } },
          body: { codes: sent.map((l) => l.code) },
        }),
      )
      setText('')
      setOutcome({
        ok: true,
        message: t('pools.added', { added: added.added, pool: added.pool, duplicates: added.duplicates }),
      })
      props.onAdded(added.pool)
    } catch (failure) {
      const found: { pool?: string; codes: string[] } = { codes: [] }
      if (failure instanceof ApiFailure)
        for (const d of failure.details) {
          const index = /^codes\.(\d+)$/.exec(d.path)?.[1]
          if (d.path === 'pool') found.pool = d.message
          else if (index !== undefined)
            found.codes.push(
              t('pools.lineError', { line: sent[Number(index)]?.line ?? '?', message: d.message }),
            )
        }
      setErrors(found)
      setOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="card" onSubmit={add} aria-labelledby="add-codes-title" data-testid="add-codes">
      <h2 id="add-codes-title">{props.pool ? t('pools.addTo', { pool: props.pool }) : t('pools.addNew')}</h2>
      <Field id="pool-name" label={t('pools.pool')} error={errors.pool} hint={t('pools.poolHint')}>
        {(a11y) => (
          <input
            {...a11y}
            value={pool}
            readOnly={props.pool !== null}
            onInput={(e) => setPool(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="pool-codes" label={t('pools.codes')} hint={t('pools.codesHint')}>
        {(a11y) => (
          <textarea
            {...a11y}
            rows={6}
            value={text}
            aria-invalid={errors.codes.length > 0 ? 'true' : undefined}
            aria-describedby={errors.codes.length > 0 ? 'pool-codes-errors' : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        )}
      </Field>
      {errors.codes.length > 0 && (
        <ul id="pool-codes-errors" class="error-text" role="alert" data-testid="pool-codes-error">
          {errors.codes.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <button type="submit" disabled={busy}>
        {t('pools.addCodes')}
      </button>
      <OutcomeLine outcome={outcome} />
    </form>
  )
}
