import { createRoute } from '@hono/zod-openapi'
import { createChannel, listChannels } from '../../channels/channel-service'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, errorResponse, newRouter, z } from '../openapi'

const channelSchema = z
  .object({
    id: z.string().uuid(),
    phone_number_id: z.string(),
    waba_id: z.string().nullable(),
    display_phone_number: z.string(),
    default_region: z.string(),
    has_access_token: z.boolean(),
    created_at: z.string(),
  })
  .openapi('Channel')

const newChannelSchema = z
  .object({
    phone_number_id: z.string().regex(/^\d{5,20}$/, 'must be the numeric id Meta shows for the number'),
    display_phone_number: z.string().min(5).max(32),
    default_region: z.string().length(2, 'must be a two-letter ISO 3166 region such as BR'),
    waba_id: z
      .string()
      .regex(/^\d{5,20}$/)
      .optional(),
    access_token: z.string().min(10).max(2048).optional(),
  })
  .strict()
  .openapi('NewChannel')

const create = createRoute({
  method: 'post',
  path: '/api/v1/channels',
  tags: ['channels'],
  summary: 'Register a WhatsApp number',
  security: bearerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: newChannelSchema } } } },
  responses: {
    201: {
      description: 'Registered; deliveries that arrived before are processed now',
      content: {
        'application/json': { schema: z.object({ channel: channelSchema, requeued_events: z.number() }) },
      },
    },
    ...commonErrors,
    409: errorResponse('The number is already connected (the same answer whichever workspace holds it)'),
  },
})

const list = createRoute({
  method: 'get',
  path: '/api/v1/channels',
  tags: ['channels'],
  summary: "The workspace's WhatsApp numbers",
  security: bearerSecurity,
  responses: {
    200: {
      description: 'Channels',
      content: { 'application/json': { schema: z.object({ channels: z.array(channelSchema) }) } },
    },
    ...commonErrors,
  },
})

export function channelRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(create, async (c) => {
    const body = c.req.valid('json')
    const { channel, requeued } = await createChannel(
      deps.db,
      c.get('auth').workspaceId,
      {
        phoneNumberId: body.phone_number_id,
        displayPhoneNumber: body.display_phone_number,
        defaultRegion: body.default_region,
        wabaId: body.waba_id,
        accessToken: body.access_token,
      },
      deps.encryptionKey,
    )
    if (requeued > 0) deps.ingestWorker?.wake()
    return c.json({ channel, requeued_events: requeued }, 201)
  })
  app.openapi(list, async (c) =>
    c.json({ channels: await listChannels(deps.db, c.get('auth').workspaceId) }, 200),
  )
  return app
}
