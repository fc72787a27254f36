/**
 * Personalised quick replies: variables from the contact, its CRM fields and the nearest store,
 * relative dates in the contact's language and the workspace's time zone, and defaults so that
 * nothing broken is sent. The send path (outbound/build-request) and the automation worker use
 * `renderQuickReplyFor` / `personaliseQuickReply`; the preview route shows the same rendering.
 */
export { LANGUAGES, type Language } from './languages'
export { type LocaleSettings, localeOf, localeSettingsSchema } from './locale-settings'
export { type PersonalisedContact, type PersonalisedText, personalise } from './personalise'
export {
  findQuickReply,
  personaliseQuickReply,
  type RenderedReply,
  renderQuickReplyFor,
  requireComplete,
} from './quick-reply'
export { formatRelativeDate } from './relative-date'
export type { RenderedVariable, VariableSource } from './render'
export { BUILTIN_VARIABLES } from './variables'
