import { useEffect, useState } from 'preact/hooks'
import { useI18n } from '../i18n'

export const PAGE_SIZE = 20

/** A page of `rows` and the controls to move through them; goes back to page 1 when the rows shrink past it. */
export function usePage<T>(rows: T[], size = PAGE_SIZE) {
  const [page, setPage] = useState(1)
  const pages = Math.max(1, Math.ceil(rows.length / size))
  useEffect(() => {
    if (page > pages) setPage(pages)
  }, [page, pages])
  const current = Math.min(page, pages)
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages, setPage }
}

export function Pager(props: {
  page: number
  pages: number
  setPage: (page: number) => void
  label: string
}) {
  const { t } = useI18n()
  if (props.pages <= 1) return null
  return (
    <nav class="pager" aria-label={props.label}>
      <button type="button" disabled={props.page <= 1} onClick={() => props.setPage(props.page - 1)}>
        {t('page.previous')}
      </button>
      <span aria-live="polite">{t('page.of', { page: props.page, pages: props.pages })}</span>
      <button
        type="button"
        disabled={props.page >= props.pages}
        onClick={() => props.setPage(props.page + 1)}
      >
        {t('page.next')}
      </button>
    </nav>
  )
}

/**
 * Previous / next through an API's cursor. `cursors` holds the cursor of every page opened so far,
 * the first page's being the empty one, so going back needs no cursor the API never gave.
 */
export function CursorPager<C>(props: {
  label: string
  cursors: C[]
  next: C | null | undefined
  onChange: (cursors: C[]) => void
}) {
  const { t } = useI18n()
  const { cursors, next } = props
  return (
    <nav class="pager" aria-label={props.label}>
      <button
        type="button"
        disabled={cursors.length <= 1}
        onClick={() => props.onChange(cursors.slice(0, -1))}
      >
        {t('page.previous')}
      </button>
      <span aria-live="polite">{t('page.number', { page: cursors.length })}</span>
      <button
        type="button"
        disabled={next === null || next === undefined}
        onClick={() => next !== null && next !== undefined && props.onChange([...cursors, next])}
      >
        {t('page.next')}
      </button>
    </nav>
  )
}
