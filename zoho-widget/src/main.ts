import './styles.css'
import { createBackendApi } from './api/backend-api'
import { readConfig } from './config'
import { createTranslator } from './i18n/locale'
import { replaceChildren } from './ui/dom'
import { configView, noRecordView } from './ui/sections'
import { Widget } from './ui/widget'
import { createZohoAdapter, type RecordContext } from './zoho/adapter'

/**
 * Starts the widget in Zoho's frame: the user's language first (so even a configuration problem is
 * explained in it), then PageLoad → the record's thread, again for every PageLoad.
 */
async function boot(root: HTMLElement): Promise<void> {
  const zoho = window.ZOHO
  const config = readConfig()
  const fallback = createTranslator({ locale: navigator.language })
  if (!zoho) {
    replaceChildren(root, configView(['Zoho’s widget SDK did not load.'], fallback))
    return
  }
  if (!config.ok) {
    replaceChildren(root, configView(config.problems, fallback))
    return
  }
  const adapter = createZohoAdapter(zoho, config.config)
  let widget: Widget | null = null
  const pending: { record: RecordContext | null } = { record: null }
  // PageLoad may fire as soon as init() resolves, before the user's locale has been read.
  await adapter.start((record) => {
    if (widget) widget.show(record)
    else pending.record = record
  })
  const user = await adapter.currentUser()
  // Zoho writes locales as `zh_CN`; Intl wants `zh-CN`.
  const i18n = createTranslator({
    locale: user.locale?.replace(/_/g, '-') ?? navigator.language,
    language: user.language,
    timeZone: user.timeZone,
  })
  widget = new Widget(root, {
    api: createBackendApi((request) => adapter.call(request)),
    i18n,
    recordPhone: (record) => adapter.recordPhone(record),
    connectionName: config.config.connectionName,
  })
  // Zoho gives the frame a fixed height: ask for the content's height whenever it changes.
  let lastHeight = 0
  new ResizeObserver(() => {
    const height = root.scrollHeight + 16
    if (Math.abs(height - lastHeight) > 8) {
      lastHeight = height
      void adapter.resize(height)
    }
  }).observe(root)
  widget.startClock()
  document.documentElement.lang = i18n.language
  if (pending.record) widget.show(pending.record)
  else replaceChildren(root, noRecordView(i18n))
}

const root = document.getElementById('app')
if (root) {
  boot(root).catch((cause: unknown) => {
    const i18n = createTranslator({ locale: navigator.language })
    replaceChildren(root, configView([cause instanceof Error ? cause.message : String(cause)], i18n))
  })
}
