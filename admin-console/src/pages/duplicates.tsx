import { useRef, useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { type MessageKey, useI18n } from '../i18n'
import { en } from '../i18n/en'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { formatDateTime, formatNumber } from '../ui/format'
import { Pager, usePage } from '../ui/pager'

type Candidate =
  paths['/api/v1/duplicates']['get']['responses'][200]['content']['application/json']['duplicates'][number]
type Side = Candidate['contacts'][number]
type Merge = paths['/api/v1/merges']['get']['responses'][200]['content']['application/json']['merges'][number]
type Scan = paths['/api/v1/duplicates/scan']['post']['responses'][200]['content']['application/json']

/** The API's most: the page shows every open pair and recent merge it returns, paged here. */
const LIST_LIMIT = 200

export function DuplicatesPage() {
  const { t } = useI18n()
  // Names of contacts seen in pairs this visit, so the history can say who was merged.
  const names = useRef(new Map<string, string>())
  const [candidates, reloadCandidates] = useLoad(() =>
    unwrap(api.GET('/api/v1/duplicates', { params: { query: { limit: LIST_LIMIT } } })).then((d) => {
      // openapi-fetch widens the pair (a two-contact tuple in the schema) to an array.
      const list = d as { duplicates: Candidate[] }
      for (const c of list.duplicates) for (const side of c.contacts) names.current.set(side.id, label(side))
      return list
    }),
  )
  const [merges, reloadMerges] = useLoad(() =>
    unwrap(api.GET('/api/v1/merges', { params: { query: { limit: LIST_LIMIT } } })),
  )
  const [compared, setCompared] = useState<Candidate | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [scanning, setScanning] = useState(false)

  const reload = () => {
    reloadCandidates()
    reloadMerges()
  }
  const act = async (run: () => Promise<string>) => {
    setOutcome(null)
    try {
      setOutcome({ ok: true, message: await run() })
      reload()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    }
  }
  const scan = async () => {
    setScanning(true)
    await act(async () => {
      const r: Scan = await unwrap(api.POST('/api/v1/duplicates/scan'))
      return t('dup.scanned', {
        contacts: r.contacts,
        pairs: r.pairs_compared,
        candidates: r.candidates,
        merged: r.auto_merged,
      })
    })
    setScanning(false)
  }
  const merge = (candidate: Candidate, survivorId: string) =>
    act(async () => {
      await unwrap(
        api.POST('/api/v1/duplicates/{id}/merge', {
          params: { path: { id: candidate.id } },
          body: { survivor_id: survivorId },
        }),
      )
      setCompared(null)
      return t('dup.merged', { name: names.current.get(survivorId) ?? survivorId })
    })
  const dismiss = (candidate: Candidate) =>
    act(async () => {
      await unwrap(api.POST('/api/v1/duplicates/{id}/dismiss', { params: { path: { id: candidate.id } } }))
      setCompared(null)
      return t('dup.dismissed')
    })
  const undo = (m: Merge) =>
    act(async () => {
      await unwrap(api.POST('/api/v1/merges/{id}/undo', { params: { path: { id: m.id } } }))
      return t('dup.undone')
    })

  return (
    <section aria-labelledby="dup-title" data-testid="page-duplicates">
      <h1 id="dup-title">{t('dup.title')}</h1>
      <p class="hint">{t('dup.intro')}</p>
      <p class="actions">
        <button type="button" onClick={scan} disabled={scanning} data-testid="scan-now">
          {t('dup.scan')}
        </button>{' '}
        {scanning && (
          <span role="status" data-testid="scan-progress">
            {t('dup.scanning')}
          </span>
        )}
      </p>
      <OutcomeLine outcome={outcome} />
      <h2>{t('dup.candidates')}</h2>
      <Loaded load={candidates} retry={reloadCandidates}>
        {(data) =>
          data.duplicates.length === 0 ? (
            <Empty testId="duplicates-empty">{t('dup.empty')}</Empty>
          ) : (
            <CandidateTable
              candidates={data.duplicates}
              onCompare={setCompared}
              selected={compared?.id ?? null}
            />
          )
        }
      </Loaded>
      {compared && (
        <Comparison
          key={compared.id}
          candidate={compared}
          onMerge={merge}
          onDismiss={dismiss}
          onClose={() => setCompared(null)}
        />
      )}
      <h2>{t('dup.history')}</h2>
      <Loaded load={merges} retry={reloadMerges}>
        {(data) =>
          data.merges.length === 0 ? (
            <Empty testId="merges-empty">{t('dup.historyEmpty')}</Empty>
          ) : (
            <MergeTable merges={data.merges} names={names.current} onUndo={undo} />
          )
        }
      </Loaded>
    </section>
  )
}

/** A contact as a person reads it: its name, else its WhatsApp profile name, else its number. */
const label = (side: Side) => side.name ?? side.profile_name ?? side.phone ?? side.email ?? side.id

const percent = (score: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(score)

function ReasonList(props: { reasons: Candidate['reasons'] }) {
  const { t } = useI18n()
  return (
    <ul class="plain reasons" data-testid="reasons">
      {props.reasons.map((r) => {
        const key = `dup.reason.${r.code}`
        return (
          <li key={r.code + r.detail} data-code={r.code}>
            {key in en ? t(key as MessageKey) : r.code}
            {r.detail ? `: ${r.detail}` : ''}
          </li>
        )
      })}
    </ul>
  )
}

function CandidateTable(props: {
  candidates: Candidate[]
  selected: string | null
  onCompare: (c: Candidate) => void
}) {
  const { t, locale } = useI18n()
  const page = usePage(props.candidates)
  return (
    <>
      <table data-testid="duplicates-table">
        <thead>
          <tr>
            <th scope="col">{t('dup.score')}</th>
            <th scope="col">{t('dup.contactA')}</th>
            <th scope="col">{t('dup.contactB')}</th>
            <th scope="col">{t('dup.reasons')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('dup.compare')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((c) => (
            <tr
              key={c.id}
              data-testid="duplicate-row"
              class={c.id === props.selected ? 'selected' : undefined}
            >
              <td>{percent(c.score, locale)}</td>
              <td>{label(c.contacts[0])}</td>
              <td>{label(c.contacts[1])}</td>
              <td>
                <ReasonList reasons={c.reasons} />
              </td>
              <td class="row-actions">
                <button type="button" class="secondary" onClick={() => props.onCompare(c)}>
                  {t('dup.compare')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} label={t('dup.candidates')} />
      <p class="hint">{t('dup.count', { n: formatNumber(props.candidates.length, locale) })}</p>
    </>
  )
}

/** Fields shown side by side; a differing value is marked so the choice is easy to make. */
const FIELDS: { key: keyof Side; label: MessageKey }[] = [
  { key: 'name', label: 'dup.field.name' },
  { key: 'profile_name', label: 'dup.field.profileName' },
  { key: 'phone', label: 'dup.field.phone' },
  { key: 'bsuid', label: 'dup.field.bsuid' },
  { key: 'email', label: 'dup.field.email' },
  { key: 'messages', label: 'dup.field.messages' },
  { key: 'created_at', label: 'dup.field.created' },
  { key: 'last_inbound_at', label: 'dup.field.lastInbound' },
]

function Comparison(props: {
  candidate: Candidate
  onMerge: (c: Candidate, survivorId: string) => void
  onDismiss: (c: Candidate) => void
  onClose: () => void
}) {
  const { t, locale } = useI18n()
  const [a, b] = props.candidate.contacts
  // The API's own default: the older contact survives.
  const [survivor, setSurvivor] = useState(a.created_at <= b.created_at ? a.id : b.id)
  const show = (side: Side, key: keyof Side) => {
    const value = side[key]
    if (value === null || value === '') return '—'
    if (key === 'created_at' || key === 'last_inbound_at') return formatDateTime(String(value), locale)
    if (typeof value === 'number') return formatNumber(value, locale)
    return String(value)
  }
  return (
    <section class="card" aria-labelledby="dup-compare-title" data-testid="duplicate-comparison">
      <h2 id="dup-compare-title">{t('dup.comparing', { score: percent(props.candidate.score, locale) })}</h2>
      <ReasonList reasons={props.candidate.reasons} />
      <table class="compare">
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">{t('dup.field')}</span>
            </th>
            {[a, b].map((side) => (
              <th scope="col" key={side.id}>
                <label class="check">
                  <input
                    type="radio"
                    name="survivor"
                    value={side.id}
                    checked={survivor === side.id}
                    onChange={() => setSurvivor(side.id)}
                  />
                  {t('dup.keep', { name: label(side) })}
                </label>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {FIELDS.map((f) => (
            <tr key={f.key} class={a[f.key] !== b[f.key] ? 'differs' : undefined}>
              <th scope="row">{t(f.label)}</th>
              <td>{show(a, f.key)}</td>
              <td>{show(b, f.key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">{t('dup.mergeHint')}</p>
      <p class="actions">
        <button type="button" onClick={() => props.onMerge(props.candidate, survivor)}>
          {t('dup.merge')}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => props.onDismiss(props.candidate)}>
          {t('dup.dismiss')}
        </button>{' '}
        <button type="button" class="secondary" onClick={props.onClose}>
          {t('dup.close')}
        </button>
      </p>
    </section>
  )
}

function MergeTable(props: { merges: Merge[]; names: Map<string, string>; onUndo: (m: Merge) => void }) {
  const { t, locale } = useI18n()
  const page = usePage(props.merges)
  const who = (id: string) => props.names.get(id) ?? id
  return (
    <>
      <table data-testid="merges-table">
        <thead>
          <tr>
            <th scope="col">{t('dup.mergedAt')}</th>
            <th scope="col">{t('dup.survivor')}</th>
            <th scope="col">{t('dup.absorbed')}</th>
            <th scope="col">{t('dup.origin')}</th>
            <th scope="col">{t('dup.moved')}</th>
            <th scope="col">{t('dup.state')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((m) => (
            <tr key={m.id} data-testid="merge-row">
              <td>{formatDateTime(m.created_at, locale)}</td>
              <td>{who(m.survivor_id)}</td>
              <td>{who(m.absorbed_id)}</td>
              <td>{m.origin === 'automatic' ? t('dup.automatic') : t('dup.reviewed')}</td>
              <td>
                {Object.entries(m.moved)
                  .filter(([, n]) => n.moved + n.combined > 0)
                  .map(([table, n]) => `${table}: ${formatNumber(n.moved + n.combined, locale)}`)
                  .join(', ')}
              </td>
              <td class="row-actions">
                {m.undone_at ? (
                  t('dup.undoneAt', { at: formatDateTime(m.undone_at, locale) })
                ) : (
                  <button type="button" class="secondary" onClick={() => props.onUndo(m)}>
                    {t('dup.undo')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} label={t('dup.history')} />
    </>
  )
}
