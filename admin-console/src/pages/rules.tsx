import { useState } from 'preact/hooks'
import { ApiFailure, api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { Pager, usePage } from '../ui/pager'
import { AutomaticSendsSwitch } from './automatic-sends'
import { AutomationRuns } from './automation-runs'
import { DryRun } from './dry-run'

type RuleInput = NonNullable<paths['/api/v1/rules']['post']['requestBody']>['content']['application/json']

export type Rule =
  paths['/api/v1/rules']['get']['responses'][200]['content']['application/json']['rules'][number]

/** What a new rule starts as in the editor: a valid rule an admin edits from. */
const NEW_RULE = {
  key: 'my_rule',
  name: 'My rule',
  description: '',
  enabled: true,
  position: 100,
  trigger: 'message',
  conditions: {
    all: [{ type: 'message', match: { text: { terms: { any: ['price', 'preço', 'precio', '价格'] } } } }],
    any: [],
  },
  actions: [{ type: 'add_tag', tag: 'price_question' }],
  once_per_contact: false,
  stop: false,
}

/** What an editor refusal shows: the API's message and each field it names. */
interface EditorError {
  message: string
  details: { path: string; message: string }[]
}

export function RulesPage() {
  const { t } = useI18n()
  const [rules, reload] = useLoad(() => unwrap(api.GET('/api/v1/rules')))
  const [editing, setEditing] = useState<{ id: string | null; name: string; text: string } | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [busy, setBusy] = useState(false)

  const act = async (work: () => Promise<string>) => {
    setBusy(true)
    setOutcome(null)
    try {
      setOutcome({ ok: true, message: await work() })
      reload()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    } finally {
      setBusy(false)
    }
  }
  const restore = () =>
    act(async () => {
      const { rules } = await unwrap(api.POST('/api/v1/rules/defaults'))
      return t('rules.restored', { count: rules.length })
    })
  const toggle = (rule: Rule) =>
    act(async () => {
      const saved = await unwrap(
        api.PUT('/api/v1/rules/{id}', {
          params: { path: { id: rule.id } },
          body: { ...rule, enabled: !rule.enabled },
        }),
      )
      return t('rules.toggled', { name: saved.name, state: saved.enabled ? t('rules.on') : t('rules.off') })
    })
  const remove = (rule: Rule) =>
    act(async () => {
      await unwrap(api.DELETE('/api/v1/rules/{id}', { params: { path: { id: rule.id } } }))
      if (editing?.id === rule.id) setEditing(null)
      return t('rules.deleted', { name: rule.name })
    })
  const edit = (rule: Rule) => {
    const { id, builtin, created_at, updated_at, ...editable } = rule
    setEditing({ id, name: rule.name, text: JSON.stringify(editable, null, 2) })
  }

  return (
    <section aria-labelledby="rules-title" data-testid="page-rules">
      <h1 id="rules-title">{t('rules.title')}</h1>
      <p class="hint">{t('rules.intro')}</p>
      <AutomaticSendsSwitch />
      <div class="actions">
        <button type="button" onClick={restore} disabled={busy}>
          {t('rules.restore')}
        </button>{' '}
        <button
          type="button"
          onClick={() => setEditing({ id: null, name: '', text: JSON.stringify(NEW_RULE, null, 2) })}
        >
          {t('rules.new')}
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
      <Loaded load={rules} retry={reload}>
        {(data) =>
          data.rules.length === 0 ? (
            <Empty>{t('rules.empty')}</Empty>
          ) : (
            <RuleTable rules={data.rules} busy={busy} onToggle={toggle} onEdit={edit} onDelete={remove} />
          )
        }
      </Loaded>
      {editing && (
        <RuleEditor
          key={editing.id ?? 'new'}
          id={editing.id}
          name={editing.name}
          text={editing.text}
          onText={(text) => setEditing({ ...editing, text })}
          onSaved={(rule, message) => {
            setEditing({ ...editing, id: rule.id, name: rule.name })
            setOutcome({ ok: true, message })
            reload()
          }}
          onClose={() => setEditing(null)}
        />
      )}
      <DryRun rules={rules.state === 'ready' ? rules.data.rules : []} editorText={editing?.text ?? null} />
      <AutomationRuns />
    </section>
  )
}

function RuleTable(props: {
  rules: Rule[]
  busy: boolean
  onToggle: (rule: Rule) => void
  onEdit: (rule: Rule) => void
  onDelete: (rule: Rule) => void
}) {
  const { t } = useI18n()
  const page = usePage(props.rules)
  return (
    <>
      <table data-testid="rules-table">
        <thead>
          <tr>
            <th scope="col">{t('rules.enabled')}</th>
            <th scope="col">{t('rules.name')}</th>
            <th scope="col">{t('rules.trigger')}</th>
            <th scope="col">{t('rules.actions')}</th>
            <th scope="col">{t('rules.position')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('rules.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((rule) => (
            <tr key={rule.id} data-testid="rule-row" data-key={rule.key}>
              <td>
                <input
                  type="checkbox"
                  checked={rule.enabled}
                  disabled={props.busy}
                  aria-label={t('rules.toggleLabel', { name: rule.name })}
                  onChange={() => props.onToggle(rule)}
                />
              </td>
              <td>
                {rule.name}
                <div class="hint">
                  {rule.key}
                  {rule.builtin ? ` · ${t('rules.builtin')}` : ''}
                </div>
              </td>
              <td>{rule.trigger}</td>
              <td>{rule.actions.map((a) => a.type).join(', ')}</td>
              <td>{rule.position}</td>
              <td class="row-actions">
                <button type="button" onClick={() => props.onEdit(rule)}>
                  {t('rules.edit')}
                </button>{' '}
                <button
                  type="button"
                  class="secondary"
                  disabled={props.busy}
                  onClick={() => props.onDelete(rule)}
                >
                  {t('rules.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} label={t('rules.title')} />
    </>
  )
}

function RuleEditor(props: {
  id: string | null
  name: string
  text: string
  onText: (text: string) => void
  onSaved: (rule: Rule, message: string) => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const [error, setError] = useState<EditorError | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async (event: Event) => {
    event.preventDefault()
    setError(null)
    let body: RuleInput
    try {
      body = JSON.parse(props.text)
    } catch (parseError) {
      setError({ message: t('rules.invalidJson', { error: (parseError as Error).message }), details: [] })
      return
    }
    setBusy(true)
    try {
      const saved = props.id
        ? await unwrap(api.PUT('/api/v1/rules/{id}', { params: { path: { id: props.id } }, body }))
        : await unwrap(api.POST('/api/v1/rules', { body }))
      props.onSaved(saved, t('rules.saved', { name: saved.name }))
    } catch (failure) {
      setError(
        failure instanceof ApiFailure
          ? { message: failure.message, details: failure.details }
          : { message: String(failure), details: [] },
      )
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="card" onSubmit={save} aria-labelledby="rule-editor-title" data-testid="rule-editor">
      <h2 id="rule-editor-title">
        {props.id ? t('rules.editorTitle', { name: props.name }) : t('rules.new')}
      </h2>
      <label for="rule-json">{t('rules.definition')}</label>
      <textarea
        id="rule-json"
        rows={18}
        spellcheck={false}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'rule-errors' : undefined}
        value={props.text}
        onInput={(e) => props.onText(e.currentTarget.value)}
      />
      {error && (
        <div id="rule-errors" class="error" role="alert" data-testid="rule-errors">
          <p>{error.message}</p>
          {error.details.length > 0 && (
            <>
              <p>{t('rules.errorsTitle')}</p>
              <ul>
                {error.details.map((d) => (
                  <li key={`${d.path}:${d.message}`}>
                    <code>{d.path}</code>: {d.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <button type="submit" disabled={busy}>
        {t('rules.save')}
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onClose}>
        {t('rules.cancel')}
      </button>
    </form>
  )
}
