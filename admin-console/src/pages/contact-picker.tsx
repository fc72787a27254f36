import { useEffect, useRef, useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { useI18n } from '../i18n'

export type ContactHit =
  paths['/api/v1/contacts']['get']['responses'][200]['content']['application/json']['contacts'][number]

const SEARCH_DELAY_MS = 300
const RESULTS = 8

/** How a contact is named in the picker: name, else WhatsApp profile name, with the phone. */
export const contactLabel = (c: ContactHit) =>
  [c.name ?? c.profile_name, c.phone_e164].filter((part) => part).join(' · ') || c.id

/** "+55 11" or "5511…" searches phones, anything else names. */
const queryOf = (text: string) =>
  /^\+?[\d\s().-]+$/.test(text) ? { phone: text, limit: RESULTS } : { name: text, limit: RESULTS }

/** Find a contact of the workspace by phone or name and pick one (the search waits for a pause in typing). */
export function ContactPicker(props: {
  chosen: ContactHit | null
  onChoose: (c: ContactHit | null) => void
}) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const [hits, setHits] = useState<ContactHit[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const generation = useRef(0)

  useEffect(() => {
    const mine = ++generation.current
    const typed = text.trim()
    if (!typed) {
      setHits(null)
      setError(null)
      return
    }
    const timer = setTimeout(() => {
      unwrap(api.GET('/api/v1/contacts', { params: { query: queryOf(typed) } })).then(
        (page) => {
          if (mine !== generation.current) return
          setHits(page.contacts)
          setError(null)
        },
        (failure: Error) => mine === generation.current && setError(failure.message),
      )
    }, SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text])

  if (props.chosen)
    return (
      <p data-testid="chosen-contact">
        {t('picker.chosen', { contact: contactLabel(props.chosen) })}{' '}
        <button type="button" class="secondary" onClick={() => props.onChoose(null)}>
          {t('picker.change')}
        </button>
      </p>
    )
  return (
    <div data-testid="contact-picker">
      <label for="contact-search">{t('picker.search')}</label>
      <input
        id="contact-search"
        type="search"
        autocomplete="off"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      {hits && hits.length === 0 && (
        <p class="empty" data-testid="contact-none">
          {t('picker.none')}
        </p>
      )}
      {hits && hits.length > 0 && (
        <ul class="plain" aria-label={t('picker.results')}>
          {hits.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                class="secondary"
                data-testid="contact-option"
                onClick={() => {
                  setText('')
                  props.onChoose(c)
                }}
              >
                {contactLabel(c)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
