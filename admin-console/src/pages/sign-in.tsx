import { useState } from 'preact/hooks'
import { ApiFailure, api, unwrap } from '../api/client'
import { useI18n } from '../i18n'

export interface Session {
  workspace_id: string
  scope: 'admin' | 'platform'
  expires_at: string
}

/** Exchanges an admin key for the session cookie; the key is not kept anywhere by the page. */
export function SignIn(props: { notice: string | null; onSignedIn: (session: Session) => void }) {
  const { t } = useI18n()
  const [key, setKey] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const session = await unwrap(api.POST('/console/session', { body: { api_key: key } }))
      setKey('')
      props.onSignedIn(session)
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : String(failure))
    } finally {
      setBusy(false)
    }
  }
  return (
    <main class="sign-in" data-testid="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {props.notice && (
        <p class="notice" role="status" data-testid="sign-in-notice">
          {props.notice}
        </p>
      )}
      <form onSubmit={submit}>
        <label for="api-key">{t('signIn.key')}</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autocomplete="current-password"
          required
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
        {error && (
          <p class="error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
      </form>
    </main>
  )
}
