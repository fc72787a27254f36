import type { BackendApi } from '../api/backend-api'
import type { ApiResult } from '../api/result'
import type { WidgetTag } from '../api/schemas'
import type { Translator } from '../i18n/locale'
import { failureText } from '../model/failure-text'
import { tagKeyOf } from '../model/tag-key'
import { h, replaceChildren } from './dom'

export const TAG_LABEL_MAX = 80

/** The contact's tags: a chip per tag with a remove button, and a field to add one. */
export class TagEditor {
  readonly el: HTMLElement
  private readonly list = h('ul', { class: 'wa-tags', testid: 'tags' })
  private readonly input: HTMLInputElement
  private readonly addButton: HTMLButtonElement
  private readonly feedback = h('p', {
    class: 'wa-small wa-error-text',
    testid: 'tags-feedback',
    attrs: { role: 'alert' },
  })
  private busy = false

  constructor(
    private readonly api: BackendApi,
    private readonly contactId: string,
    private readonly i18n: Translator,
    private tags: WidgetTag[],
    private readonly onChange: (tags: WidgetTag[]) => void,
  ) {
    const { t } = i18n
    this.input = h('input', {
      testid: 'tag-input',
      attrs: {
        type: 'text',
        maxlength: TAG_LABEL_MAX * 2,
        placeholder: t('tags.input'),
        'aria-label': t('tags.input'),
      },
      on: {
        input: () => this.refreshControls(),
        keydown: (e) => (e as KeyboardEvent).key === 'Enter' && this.add(),
      },
    })
    this.addButton = h(
      'button',
      { testid: 'tag-add', attrs: { type: 'button' }, on: { click: () => this.add() } },
      t('tags.add'),
    )
    this.el = h(
      'section',
      { class: 'wa-section', testid: 'tag-editor' },
      h('h2', {}, t('tags.title')),
      this.list,
      h('div', { class: 'wa-row' }, this.input, this.addButton),
      this.feedback,
    )
    this.renderTags()
  }

  private label(): string {
    return this.input.value.trim()
  }

  private refreshControls(): void {
    const label = this.label()
    const tooLong = label.length > TAG_LABEL_MAX
    this.addButton.disabled = this.busy || !label || tooLong
    this.input.disabled = this.busy
    this.feedback.textContent = tooLong ? this.i18n.t('tags.tooLong', { max: TAG_LABEL_MAX }) : ''
  }

  private renderTags(): void {
    const { t } = this.i18n
    if (this.tags.length === 0)
      replaceChildren(this.list, h('li', { class: 'wa-muted', testid: 'tags-none' }, t('tags.none')))
    else
      replaceChildren(
        this.list,
        ...this.tags.map((tag) =>
          h(
            'li',
            { class: 'wa-chip', testid: `tag-${tag.key}` },
            h('span', {}, tag.label),
            h(
              'button',
              {
                class: 'wa-chip-remove',
                testid: `tag-remove-${tag.key}`,
                attrs: {
                  type: 'button',
                  'aria-label': `${t('tags.remove')} ${tag.label}`,
                  disabled: this.busy,
                },
                on: { click: () => this.remove(tag.key) },
              },
              '×',
            ),
          ),
        ),
      )
    this.refreshControls()
  }

  private async run(call: () => Promise<ApiResult<WidgetTag[]>>): Promise<boolean> {
    this.busy = true
    this.renderTags()
    const result = await call()
    this.busy = false
    if (result.ok) {
      this.tags = result.data
      this.onChange(result.data)
    }
    this.renderTags()
    if (!result.ok)
      this.feedback.textContent = this.i18n.t('tags.error', { message: failureText(result.error, this.i18n) })
    return result.ok
  }

  private async add(): Promise<void> {
    const label = this.label()
    if (this.busy || !label || label.length > TAG_LABEL_MAX) return
    if (await this.run(() => this.api.addTag(this.contactId, tagKeyOf(label), label))) {
      this.input.value = ''
      this.refreshControls()
    }
  }

  private async remove(key: string): Promise<void> {
    if (this.busy) return
    await this.run(() => this.api.removeTag(this.contactId, key))
  }
}
