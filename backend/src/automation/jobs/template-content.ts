import type { SendContent } from '@scrm/shared'
import type { Executor } from '../../db/client'
import type { Contact } from '../../db/schema'
import type { JobAction } from '../actions'
import { personalise, requireComplete } from '../personalise'

type SendTemplate = Extract<JobAction, { type: 'send_template' }>

/**
 * The template send for a `send_template` action, its body parameters personalised for the
 * contact exactly like a quick reply ({{first_name}}, {{last_purchase}}, {{nearest_store}} ...,
 * then the workspace defaults). A parameter whose variable has no value refuses the send rather
 * than sending "{{x}}".
 */
export async function templateContent(
  db: Executor,
  contact: Contact,
  action: SendTemplate,
  now: Date,
): Promise<SendContent> {
  const parameters: { type: string; text: string }[] = []
  for (const body of action.parameters) {
    const rendered = requireComplete(
      await personalise(db, { workspaceId: contact.workspaceId, contact, body, now }),
    )
    parameters.push({ type: 'text', text: rendered.text })
  }
  return {
    type: 'template',
    name: action.template,
    language: action.language,
    components: parameters.length ? [{ type: 'body', parameters }] : [],
  }
}
