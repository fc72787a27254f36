import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import { useI18n } from '../i18n'
import { Loaded, useLoad } from '../ui/async'

/**
 * The one switch between the default rules and real customers: off in a new workspace (the rules
 * tag, segment and create tasks; their replies are recorded as held back), on once an admin has
 * read the replies and wants them sent.
 */
export function AutomaticSendsSwitch() {
  const { t } = useI18n()
  const [settings, reload] = useLoad(() => unwrap(api.GET('/api/v1/settings/automation')))
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const change = async (on: boolean) => {
    setBusy(true)
    setFailure(null)
    try {
      await unwrap(api.PUT('/api/v1/settings/automation', { body: { default_pack_sends: on } }))
      reload()
    } catch (error) {
      setFailure((error as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div class="card" data-testid="automatic-sends">
      <h2 id="sends-title">{t('sends.title')}</h2>
      <Loaded load={settings} retry={reload}>
        {(data) => (
          <>
            <p
              data-testid="automatic-sends-state"
              aria-live="polite"
              class={data.default_pack_sends ? 'success' : 'notice'}
            >
              {data.default_pack_sends ? t('sends.on') : t('sends.off')}
            </p>
            <button
              type="button"
              disabled={busy}
              aria-describedby="sends-title"
              onClick={() => change(!data.default_pack_sends)}
            >
              {data.default_pack_sends ? t('sends.switchOff') : t('sends.switchOn')}
            </button>
          </>
        )}
      </Loaded>
      {failure && (
        <p class="error" role="alert" data-testid="automatic-sends-error">
          {failure}
        </p>
      )}
    </div>
  )
}
