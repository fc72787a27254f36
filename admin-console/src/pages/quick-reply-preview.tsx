import { useEffect, useRef, useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { useI18n } from '../i18n'
import { type ContactHit, ContactPicker } from './contact-picker'

type Preview =
  paths['/api/v1/quick-replies/draft-preview']['post']['responses'][200]['content']['application/json']

/** Long enough that typing does not call the API on every key, short enough to feel live. */
const PREVIEW_DELAY_MS = 400

/**
 * The reply as it would be sent to a chosen contact, re-rendered by the server (the renderer a
 * send uses) a moment after each edit; shown as plain text, whatever the body or contact holds.
 */
export function QuickReplyPreview(props: {
  body: string
  defaults: Record<string, string> | null
  contact: ContactHit | null
  onContact: (contact: ContactHit | null) => void
}) {
  const { t } = useI18n()
  const contact = props.contact
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const generation = useRef(0)
  const defaultsKey = JSON.stringify(props.defaults)

  useEffect(() => {
    const mine = ++generation.current
    // Defaults that do not parse are reported on their input; the preview waits for valid ones.
    if (!props.body.trim() || props.defaults === null) {
      setPreview(null)
      setError(null)
      setPending(false)
      return
    }
    setPending(true)
    const timer = setTimeout(() => {
      unwrap(
        api.POST('/api/v1/quick-replies/draft-preview', {
          body: {
            body: props.body,
            defaults: props.defaults ?? {},
            ...(contact ? { contact_id: contact.id } : {}),
          },
        }),
      ).then(
        (answer) => {
          if (mine !== generation.current) return
          setPreview(answer)
          setError(null)
          setPending(false)
        },
        (failure: Error) => {
          if (mine !== generation.current) return
          setError(failure.message)
          setPending(false)
        },
      )
    }, PREVIEW_DELAY_MS)
    return () => clearTimeout(timer)
  }, [props.body, defaultsKey, contact?.id])

  return (
    <section class="card preview-card" aria-labelledby="qr-preview-title" data-testid="qr-preview">
      <h2 id="qr-preview-title">{t('qr.preview')}</h2>
      <ContactPicker chosen={contact} onChoose={props.onContact} />
      {!contact && <p class="hint">{t('qr.previewNoContact')}</p>}
      {error ? (
        <p class="error-text" role="alert" data-testid="qr-preview-error">
          {error}
        </p>
      ) : !props.body.trim() ? (
        <p class="empty">{t('qr.previewEmpty')}</p>
      ) : (
        preview && (
          <>
            <pre
              class="preview-text"
              data-testid="qr-preview-text"
              data-pending={pending ? 'true' : undefined}
              aria-live="polite"
            >
              {preview.text}
            </pre>
            {preview.missing.length > 0 && (
              <p class="notice" data-testid="qr-preview-missing">
                {t('qr.previewMissing', { names: preview.missing.join(', ') })}
              </p>
            )}
          </>
        )
      )}
    </section>
  )
}
