import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import { useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { formatDateTime } from '../ui/format'
import { CursorPager } from '../ui/pager'

const PAGE = 50

/** One pool's codes, a page at a time in code order, each removable while nobody got it. */
export function PoolCodes(props: { pool: string; onChanged: () => void }) {
  const { t, locale } = useI18n()
  // The cursor of each page seen; the first page has none.
  const [pages, setPages] = useState<(string | undefined)[]>([undefined])
  const cursor = pages[pages.length - 1]
  const [codes, reload] = useLoad(
    () =>
      unwrap(
        api.GET('/api/v1/discount-pools/{pool}/codes', {
          params: { path: { pool: props.pool }, query: { limit: PAGE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [props.pool, cursor],
  )
  const [outcome, setOutcome] = useState<Outcome>(null)
  const remove = async (code: string) => {
    setOutcome(null)
    try {
      await unwrap(
        api.DELETE('/api/v1/discount-pools/{pool}/codes/{code}', {
          params: { path: { pool: props.pool, code } },
        }),
      )
      setOutcome({ ok: true, message: t('pools.codeRemoved', { code }) })
      reload()
      props.onChanged()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    }
  }
  return (
    <section class="card" aria-labelledby="pool-codes-title" data-testid="pool-codes">
      <h2 id="pool-codes-title">{t('pools.codesOf', { pool: props.pool })}</h2>
      <OutcomeLine outcome={outcome} />
      <Loaded load={codes} retry={reload}>
        {(data) =>
          data.codes.length === 0 && pages.length === 1 ? (
            <Empty testId="codes-empty">{t('pools.codesEmpty')}</Empty>
          ) : (
            <>
              <table data-testid="codes-table">
                <thead>
                  <tr>
                    <th scope="col">{t('pools.code')}</th>
                    <th scope="col">{t('pools.given')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t('pools.remove')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.codes.map((c) => (
                    <tr key={c.code} data-testid="code-row" data-code={c.code}>
                      <td>
                        <code>{c.code}</code>
                      </td>
                      <td>
                        {c.assigned_at
                          ? t('pools.givenAt', { at: formatDateTime(c.assigned_at, locale) })
                          : t('pools.notGiven')}
                      </td>
                      <td class="row-actions">
                        <button type="button" class="secondary" onClick={() => remove(c.code)}>
                          {t('pools.remove')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <CursorPager
                label={t('pools.codesOf', { pool: props.pool })}
                cursors={pages}
                next={data.next_cursor}
                onChange={setPages}
              />
            </>
          )
        }
      </Loaded>
    </section>
  )
}
