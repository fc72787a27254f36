import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { formatDateTime, formatNumber } from '../ui/format'
import { Pager, usePage } from '../ui/pager'

type DeadLetter =
  paths['/api/v1/dead-letters']['get']['responses'][200]['content']['application/json']['dead_letters'][number]

export function DeadLettersPage() {
  const { t } = useI18n()
  const [letters, reload] = useLoad(() =>
    unwrap(api.GET('/api/v1/dead-letters', { params: { query: { limit: 500 } } })),
  )
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [inspected, setInspected] = useState<DeadLetter | null>(null)
  const replay = async (letter: DeadLetter) => {
    setOutcome(null)
    try {
      await unwrap(api.POST('/api/v1/dead-letters/{id}/replay', { params: { path: { id: letter.id } } }))
      setOutcome({ ok: true, message: t('dead.replayed', { id: letter.id }) })
      if (inspected?.id === letter.id) setInspected(null)
      reload()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    }
  }
  return (
    <section aria-labelledby="dead-title" data-testid="page-dead-letters">
      <h1 id="dead-title">{t('dead.title')}</h1>
      <p class="hint">{t('dead.intro')}</p>
      <OutcomeLine outcome={outcome} />
      <Loaded load={letters} retry={reload}>
        {(data) =>
          data.dead_letters.length === 0 ? (
            <Empty>{t('dead.empty')}</Empty>
          ) : (
            <DeadLetterTable letters={data.dead_letters} onInspect={setInspected} onReplay={replay} />
          )
        }
      </Loaded>
      {inspected && <Inspection letter={inspected} onReplay={replay} />}
    </section>
  )
}

function DeadLetterTable(props: {
  letters: DeadLetter[]
  onInspect: (letter: DeadLetter) => void
  onReplay: (letter: DeadLetter) => void
}) {
  const { t, locale } = useI18n()
  const page = usePage(props.letters)
  return (
    <>
      <table data-testid="dead-letters-table">
        <thead>
          <tr>
            <th scope="col">{t('dead.received')}</th>
            <th scope="col">{t('dead.kind')}</th>
            <th scope="col">{t('dead.reason')}</th>
            <th scope="col">{t('dead.attempts')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('dead.inspect')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((letter) => (
            <tr key={letter.id} data-testid="dead-letter-row">
              <td>{formatDateTime(letter.received_at, locale)}</td>
              <td>
                {letter.kind}
                {letter.item ? ` · ${letter.item.type}` : ''}
              </td>
              <td>{letter.reason ?? ''}</td>
              <td>{letter.attempts}</td>
              <td class="row-actions">
                <button type="button" class="secondary" onClick={() => props.onInspect(letter)}>
                  {t('dead.inspect')}
                </button>{' '}
                <button type="button" onClick={() => props.onReplay(letter)}>
                  {t('dead.replay')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} label={t('dead.title')} />
    </>
  )
}

function Inspection(props: { letter: DeadLetter; onReplay: (letter: DeadLetter) => void }) {
  const { t, locale } = useI18n()
  const l = props.letter
  return (
    <section class="card" aria-labelledby="dead-inspect-title" data-testid="dead-letter-inspection">
      <h2 id="dead-inspect-title">{t('dead.details', { id: l.id })}</h2>
      <dl class="queues">
        <dt>{t('dead.source')}</dt>
        <dd>{l.source}</dd>
        <dt>{t('dead.received')}</dt>
        <dd>{formatDateTime(l.received_at, locale)}</dd>
        <dt>{t('dead.reason')}</dt>
        <dd>{l.reason ?? ''}</dd>
        <dt>{t('dead.lastError')}</dt>
        <dd data-testid="dead-letter-error">{l.last_error ?? ''}</dd>
        <dt>{t('dead.attempts')}</dt>
        <dd>{l.attempts}</dd>
        <dt>{t('dead.numbers')}</dt>
        <dd>{l.phone_number_ids.join(', ')}</dd>
        <dt>{t('dead.size')}</dt>
        <dd>{formatNumber(l.body_bytes, locale)} B</dd>
        {l.item && (
          <>
            <dt>{t('dead.item')}</dt>
            <dd>
              {l.item.type} · {l.item.ref}
            </dd>
          </>
        )}
      </dl>
      <button type="button" onClick={() => props.onReplay(l)}>
        {t('dead.replay')}
      </button>
    </section>
  )
}
