import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { errorsByInput, Field } from '../ui/field'
import { Pager, usePage } from '../ui/pager'
import type { ContactHit } from './contact-picker'
import { QuickReplyPreview } from './quick-reply-preview'

type QuickReply =
  paths['/api/v1/quick-replies']['get']['responses'][200]['content']['application/json']['quick_replies'][number]

/** The editor's text: defaults as "name=value" lines, which people read and type easily. */
interface Draft {
  key: string
  title: string
  body: string
  defaults: string
}

const toDraft = (q: QuickReply): Draft => ({
  key: q.key,
  title: q.title,
  body: q.body,
  defaults: Object.entries(q.defaults)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n'),
})
const EMPTY: Draft = { key: '', title: '', body: '', defaults: '' }

/** The defaults as the API takes them, or null when a line is not "name=value". */
function parseDefaults(text: string): Record<string, string> | null {
  const out: Record<string, string> = {}
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    const at = line.indexOf('=')
    if (at <= 0 || !line.slice(0, at).trim()) return null
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim()
  }
  return out
}

export function QuickRepliesPage() {
  const { t } = useI18n()
  const [replies, reload] = useLoad(() => unwrap(api.GET('/api/v1/quick-replies')))
  // `saved`: the key being edited exists (its key is then fixed); null editor: closed.
  // `session` keys the editor: a new one per reply opened, kept when the open one is saved.
  const [editing, setEditing] = useState<{ session: number; saved: boolean; draft: Draft } | null>(null)
  const [sessions, setSessions] = useState(0)
  const open = (saved: boolean, draft: Draft) => {
    setSessions(sessions + 1)
    setEditing({ session: sessions + 1, saved, draft })
  }
  // Kept across replies: an admin checks several replies against the same customer.
  const [contact, setContact] = useState<ContactHit | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [busy, setBusy] = useState(false)

  const remove = async (reply: QuickReply) => {
    setBusy(true)
    setOutcome(null)
    try {
      await unwrap(api.DELETE('/api/v1/quick-replies/{key}', { params: { path: { key: reply.key } } }))
      if (editing?.saved && editing.draft.key === reply.key) setEditing(null)
      setOutcome({ ok: true, message: t('qr.deleted', { key: reply.key }) })
      reload()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="qr-title" data-testid="page-quick-replies">
      <h1 id="qr-title">{t('qr.title')}</h1>
      <p class="hint">{t('qr.intro')}</p>
      <div class="actions">
        <button type="button" onClick={() => open(false, EMPTY)}>
          {t('qr.new')}
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
      <Loaded load={replies} retry={reload}>
        {(data) =>
          data.quick_replies.length === 0 ? (
            <Empty>{t('qr.empty')}</Empty>
          ) : (
            <ReplyTable
              replies={data.quick_replies}
              busy={busy}
              onEdit={(q) => open(true, toDraft(q))}
              onDelete={remove}
            />
          )
        }
      </Loaded>
      {editing && (
        <ReplyEditor
          key={editing.session}
          saved={editing.saved}
          draft={editing.draft}
          contact={contact}
          onContact={setContact}
          onDraft={(draft) => setEditing({ ...editing, draft })}
          onSaved={(key) => {
            setEditing((e) => e && { ...e, saved: true })
            setOutcome({ ok: true, message: t('qr.saved', { key }) })
            reload()
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  )
}

function ReplyTable(props: {
  replies: QuickReply[]
  busy: boolean
  onEdit: (reply: QuickReply) => void
  onDelete: (reply: QuickReply) => void
}) {
  const { t } = useI18n()
  const page = usePage(props.replies)
  return (
    <>
      <table data-testid="qr-table">
        <thead>
          <tr>
            <th scope="col">{t('qr.key')}</th>
            <th scope="col">{t('qr.titleField')}</th>
            <th scope="col">{t('qr.body')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('qr.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((q) => (
            <tr key={q.key} data-testid="qr-row" data-key={q.key}>
              <td>
                <code>{q.key}</code>
              </td>
              <td>{q.title}</td>
              <td class="clip">{q.body}</td>
              <td class="row-actions">
                <button type="button" onClick={() => props.onEdit(q)}>
                  {t('qr.edit')}
                </button>{' '}
                <button
                  type="button"
                  class="secondary"
                  disabled={props.busy}
                  onClick={() => props.onDelete(q)}
                >
                  {t('qr.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} label={t('qr.title')} />
    </>
  )
}

function ReplyEditor(props: {
  saved: boolean
  draft: Draft
  contact: ContactHit | null
  onContact: (contact: ContactHit | null) => void
  onDraft: (draft: Draft) => void
  onSaved: (key: string) => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const [errors, setErrors] = useState<Map<string, string>>(new Map())
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const d = props.draft
  const defaults = parseDefaults(d.defaults)
  const set = (change: Partial<Draft>) => props.onDraft({ ...d, ...change })

  const save = async (event: Event) => {
    event.preventDefault()
    setErrors(new Map())
    setRefusal(null)
    if (!d.key.trim()) {
      setErrors(new Map([['key', t('qr.keyRequired')]]))
      return
    }
    if (defaults === null) return
    setBusy(true)
    try {
      await unwrap(
        api.PUT('/api/v1/quick-replies/{key}', {
          params: { path: { key: d.key.trim() } },
          body: { title: d.title, body: d.body, defaults },
        }),
      )
      props.onSaved(d.key.trim())
    } catch (failure) {
      setErrors(errorsByInput(failure))
      setRefusal((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="editor-split">
      <form class="card" onSubmit={save} aria-labelledby="qr-editor-title" data-testid="qr-editor">
        <h2 id="qr-editor-title">{props.saved ? t('qr.editing', { key: d.key }) : t('qr.new')}</h2>
        <Field id="qr-key" label={t('qr.key')} error={errors.get('key')} hint={t('qr.keyHint')}>
          {(a11y) => (
            <input
              {...a11y}
              value={d.key}
              readOnly={props.saved}
              onInput={(e) => set({ key: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field id="qr-title-input" label={t('qr.titleField')} error={errors.get('title')}>
          {(a11y) => (
            <input {...a11y} value={d.title} onInput={(e) => set({ title: e.currentTarget.value })} />
          )}
        </Field>
        <Field id="qr-body" label={t('qr.body')} error={errors.get('body')} hint={t('qr.bodyHint')}>
          {(a11y) => (
            <textarea
              {...a11y}
              rows={6}
              value={d.body}
              onInput={(e) => set({ body: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          id="qr-defaults"
          label={t('qr.defaults')}
          error={errors.get('defaults') ?? (defaults === null ? t('qr.defaultsFormat') : undefined)}
          hint={t('qr.defaultsHint')}
        >
          {(a11y) => (
            <textarea
              {...a11y}
              rows={3}
              value={d.defaults}
              onInput={(e) => set({ defaults: e.currentTarget.value })}
            />
          )}
        </Field>
        {refusal && (
          <p class="error-text" data-testid="qr-refusal">
            {refusal}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('qr.save')}
        </button>{' '}
        <button type="button" class="secondary" onClick={props.onClose}>
          {t('qr.close')}
        </button>
      </form>
      <QuickReplyPreview
        body={d.body}
        defaults={defaults}
        contact={props.contact}
        onContact={props.onContact}
      />
    </div>
  )
}
