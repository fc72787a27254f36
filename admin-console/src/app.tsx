import { useEffect, useMemo, useState } from 'preact/hooks'
import { type ApiFailure, api, onSessionEnd, unwrap } from './api/client'
import {
  I18n,
  initialLocale,
  LOCALE_NAMES,
  LOCALES,
  type Locale,
  type MessageKey,
  saveLocale,
  translator,
} from './i18n'
import { AlertsPage } from './pages/alerts'
import { BroadcastsPage } from './pages/broadcasts'
import { ConnectionsPage } from './pages/connections'
import { DeadLettersPage } from './pages/dead-letters'
import { DiscountPoolsPage } from './pages/discount-pools'
import { DuplicatesPage } from './pages/duplicates'
import { EventWebhooksPage } from './pages/event-webhooks'
import { LocaleSettingsPage } from './pages/locale-settings'
import { NumbersPage } from './pages/numbers'
import { OverviewPage } from './pages/overview'
import { QuickRepliesPage } from './pages/quick-replies'
import { ReportsPage } from './pages/reports'
import { ReviewPage } from './pages/review'
import { RulesPage } from './pages/rules'
import { SendingPolicyPage } from './pages/sending-policy'
import { type Session, SignIn } from './pages/sign-in'
import { StoresPage } from './pages/stores'
import { ErrorBox } from './ui/async'

/** The console's pages: /admin/<slug>. Only finished pages are listed (see README, "Admin console"). */
const PAGES: { slug: string; label: MessageKey; render: () => preact.JSX.Element }[] = [
  { slug: '', label: 'nav.overview', render: () => <OverviewPage /> },
  { slug: 'numbers', label: 'nav.numbers', render: () => <NumbersPage /> },
  { slug: 'rules', label: 'nav.rules', render: () => <RulesPage /> },
  { slug: 'review', label: 'nav.review', render: () => <ReviewPage /> },
  { slug: 'dead-letters', label: 'nav.deadLetters', render: () => <DeadLettersPage /> },
  { slug: 'duplicates', label: 'nav.duplicates', render: () => <DuplicatesPage /> },
  { slug: 'reports', label: 'nav.reports', render: () => <ReportsPage /> },
  { slug: 'alerts', label: 'nav.alerts', render: () => <AlertsPage /> },
  { slug: 'quick-replies', label: 'nav.quickReplies', render: () => <QuickRepliesPage /> },
  { slug: 'stores', label: 'nav.stores', render: () => <StoresPage /> },
  { slug: 'discount-pools', label: 'nav.discountPools', render: () => <DiscountPoolsPage /> },
  { slug: 'broadcasts', label: 'nav.broadcasts', render: () => <BroadcastsPage /> },
  { slug: 'locale', label: 'nav.locale', render: () => <LocaleSettingsPage /> },
  { slug: 'webhooks', label: 'nav.webhooks', render: () => <EventWebhooksPage /> },
  { slug: 'connections', label: 'nav.connections', render: () => <ConnectionsPage /> },
  { slug: 'sending-policy', label: 'nav.policy', render: () => <SendingPolicyPage /> },
]

const slugOf = (path: string) => path.replace(/^\/admin\/?/, '').split('/')[0] ?? ''

type Boot =
  | { state: 'checking' }
  | { state: 'signed-out'; notice: string | null }
  | { state: 'in'; session: Session }

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale)
  const i18n = useMemo(() => ({ locale, t: translator(locale) }), [locale])
  const { t } = i18n
  const [boot, setBoot] = useState<Boot>({ state: 'checking' })
  const [bootError, setBootError] = useState<string | null>(null)
  const [slug, setSlug] = useState(() => slugOf(location.pathname))

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : locale
    document.title = t('app.title')
  }, [locale, t])

  const signedOut = (failure: ApiFailure | null) =>
    setBoot({
      state: 'signed-out',
      notice: failure?.reason === 'session_expired' ? t('signIn.expired') : (failure?.message ?? null),
    })

  const check = () => {
    setBootError(null)
    unwrap(api.GET('/console/session')).then(
      (session) => setBoot({ state: 'in', session }),
      (failure: ApiFailure) =>
        failure.status === 401
          ? setBoot({
              state: 'signed-out',
              notice: failure.reason === 'session_expired' ? t('signIn.expired') : null,
            })
          : setBootError(failure.message),
    )
  }
  // Checked once, when the page opens.
  useEffect(check, [])
  useEffect(() => onSessionEnd(signedOut))
  useEffect(() => {
    const onPop = () => setSlug(slugOf(location.pathname))
    addEventListener('popstate', onPop)
    return () => removeEventListener('popstate', onPop)
  }, [])

  const go = (event: MouseEvent, next: string) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return
    event.preventDefault()
    history.pushState(null, '', next ? `/admin/${next}` : '/admin')
    setSlug(next)
  }
  const signOut = async () => {
    await unwrap(api.DELETE('/console/session')).catch(() => undefined)
    setBoot({ state: 'signed-out', notice: null })
  }
  const chooseLocale = (next: Locale) => {
    saveLocale(next)
    setLocale(next)
  }

  const page = PAGES.find((p) => p.slug === slug) ?? PAGES[0]
  return (
    <I18n.Provider value={i18n}>
      <header class="top">
        <span class="brand">{t('app.title')}</span>
        <label for="locale">{t('app.language')}</label>
        <select id="locale" value={locale} onChange={(e) => chooseLocale(e.currentTarget.value as Locale)}>
          {(Object.keys(LOCALES) as Locale[]).map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
        {boot.state === 'in' && (
          <button type="button" onClick={signOut} data-testid="sign-out">
            {t('app.signOut')}
          </button>
        )}
      </header>
      {bootError ? (
        <main>
          <ErrorBox message={bootError} onRetry={check} />
        </main>
      ) : boot.state === 'checking' ? (
        <main>
          <p class="state" role="status">
            {t('state.loading')}
          </p>
        </main>
      ) : boot.state === 'signed-out' ? (
        <SignIn notice={boot.notice} onSignedIn={(session) => setBoot({ state: 'in', session })} />
      ) : (
        <div class="layout">
          <nav aria-label={t('app.nav')} class="side">
            <ul>
              {PAGES.map((p) => (
                <li key={p.slug}>
                  <a
                    href={p.slug ? `/admin/${p.slug}` : '/admin'}
                    aria-current={p === page ? 'page' : undefined}
                    onClick={(e) => go(e, p.slug)}
                  >
                    {t(p.label)}
                  </a>
                </li>
              ))}
              <li>
                <a href="/docs">{t('app.docs')}</a>
              </li>
            </ul>
          </nav>
          <main key={page?.slug}>{page?.render()}</main>
        </div>
      )}
    </I18n.Provider>
  )
}
