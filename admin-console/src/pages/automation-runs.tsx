import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { useI18n } from '../i18n'
import { Empty, Loaded, useLoad } from '../ui/async'
import { formatDateTime } from '../ui/format'
import { CursorPager } from '../ui/pager'

type RunQuery = NonNullable<paths['/api/v1/automation/runs']['get']['parameters']['query']>
type RunState = NonNullable<RunQuery['state']>

const STATES: RunState[] = ['queued', 'running', 'done', 'refused', 'failed']
const PAGE = 20

/** What automation did, newest first, paged by the API's cursor; refusals say why. */
export function AutomationRuns() {
  const { t, locale } = useI18n()
  const [state, setState] = useState<RunState | ''>('')
  // Cursors of the pages seen so far: the first page has none; Previous pops one.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined])
  const cursor = cursors[cursors.length - 1]
  const [runs, reload] = useLoad(
    () =>
      unwrap(
        api.GET('/api/v1/automation/runs', {
          params: { query: { limit: PAGE, ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [state, cursor],
  )
  return (
    <section aria-labelledby="runs-title" data-testid="automation-runs">
      <h2 id="runs-title">{t('runs.title')}</h2>
      <label for="runs-state">{t('runs.state')}</label>
      <select
        id="runs-state"
        value={state}
        onChange={(e) => {
          setState(e.currentTarget.value as RunState | '')
          setCursors([undefined])
        }}
      >
        <option value="">{t('runs.all')}</option>
        {STATES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <Loaded load={runs} retry={reload}>
        {(data) =>
          data.runs.length === 0 && cursors.length === 1 ? (
            <Empty testId="runs-empty">{t('runs.empty')}</Empty>
          ) : (
            <>
              <table data-testid="runs-table">
                <thead>
                  <tr>
                    <th scope="col">{t('runs.when')}</th>
                    <th scope="col">{t('runs.rule')}</th>
                    <th scope="col">{t('runs.action')}</th>
                    <th scope="col">{t('runs.state')}</th>
                    <th scope="col">{t('runs.outcome')}</th>
                    <th scope="col">{t('runs.contact')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.runs.map((r) => (
                    <tr key={r.id}>
                      <td>{formatDateTime(r.created_at, locale)}</td>
                      <td>{r.rule_key ?? ''}</td>
                      <td>{r.action_type ?? ''}</td>
                      <td>{r.state}</td>
                      <td>{r.outcome ?? ''}</td>
                      <td class="hint">{r.contact_id}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <CursorPager
                label={t('runs.title')}
                cursors={cursors}
                next={data.next_cursor}
                onChange={setCursors}
              />
            </>
          )
        }
      </Loaded>
    </section>
  )
}
