import { createRoute } from '@hono/zod-openapi'
import { sendAcceptedSchema, sendRequestSchema, threadMessageSchema } from '@scrm/shared'
import { getWorkspaceMessageView } from '../../messages/message-view'
import { enqueueSend } from '../../outbound/enqueue'
import type { AppDeps } from '../app-env'
import { crmUserOf } from '../audit-trail'
import { bearerSecurity, commonErrors, errorResponse, newRouter, z } from '../openapi'

const send = createRoute({
  method: 'post',
  path: '/api/v1/messages',
  tags: ['messages'],
  summary: 'Send text, a template, a quick reply or media; queued under every WhatsApp limit and policy',
  security: bearerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: sendRequestSchema } } } },
  responses: {
    202: {
      description: 'Queued (or the earlier message with the same idempotency key)',
      content: { 'application/json': { schema: sendAcceptedSchema } },
    },
    ...commonErrors,
    422: errorResponse(
      'Refused by policy, with `reason` (window_closed_template_required, opted_out, cap_exceeded:<which> ...)',
    ),
  },
})

const show = createRoute({
  method: 'get',
  path: '/api/v1/messages/{id}',
  tags: ['messages'],
  summary:
    'One message as the thread shows it: its state (queued, retrying, sent … failed) and, when in trouble, why',
  security: bearerSecurity,
  request: {
    params: z.object({ id: z.string().regex(/^\d{1,18}$/, 'a message id (digits)') }),
  },
  responses: {
    200: {
      description:
        "The message; `error` holds Meta's code, title and details when Meta answered, and our `reason` and `explanation`",
      content: { 'application/json': { schema: threadMessageSchema } },
    },
    ...commonErrors,
    404: errorResponse('No such message in this workspace'),
  },
})

export function messageRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(send, async (c) => {
    const body = c.req.valid('json')
    const auth = c.get('auth')
    const result = await enqueueSend(deps.db, {
      workspaceId: auth.workspaceId,
      contactId: body.contact_id,
      phone: body.phone,
      channelId: body.channel_id,
      content: body.content,
      // A card is a person at the CRM record: its sends are an agent's, whatever the body says.
      kind: auth.scope === 'card' ? 'agent' : body.sender,
      // A card names the CRM user it is signed for; an API caller may name its own user.
      agentId: auth.scope === 'card' ? (crmUserOf((n) => c.req.query(n)) ?? body.agent_id) : body.agent_id,
      idempotencyKey: body.idempotency_key,
      eventKey: body.event_key,
      replyTo: body.reply_to,
    })
    if (!result.duplicate) deps.sender?.wake()
    return c.json(
      sendAcceptedSchema.parse({
        message_id: String(result.messageId),
        state: 'queued',
        duplicate: result.duplicate,
        message: result.message,
      }),
      202,
    )
  })
  app.openapi(show, async (c) => {
    const view = await getWorkspaceMessageView(
      deps.db,
      c.get('auth').workspaceId,
      Number(c.req.valid('param').id),
    )
    return c.json(threadMessageSchema.parse(view), 200)
  })
  return app
}
