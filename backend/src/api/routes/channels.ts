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
    ownership: z.enum(['proven', 'unchecked']),
    ownership_proven_at: z.string().nullable(),
    verified_name: z.string().nullable(),
    mps: z.number().int().openapi({ description: 'Messages per second this number may send' }),
    tier_limit: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Business-initiated recipients per rolling 24 h (null: unlimited)' }),
    coexistence: z.boolean(),
    paused_until: z.string().nullable().openapi({ description: 'Sending paused after a block, until then' }),
    paused_reason: z.string().nullable(),
    quality_event: z
      .string()
      .nullable()
      .openapi({ description: "Meta's last quality update (FLAGGED, UNFLAGGED, DOWNGRADE, UPGRADE)" }),
    created_at: z.string(),
  })
  .openapi('Channel')

/** A person waits on the registration; Graph answers these reads in well under a second. */
const PROOF_TIMEOUT_MS = 15_000

const registeredSchema = z.object({ channel: channelSchema, requeued_events: z.number() })

const newChannelSchema = z
  .object({
    phone_number_id: z.string().regex(/^\d{5,20}$/, 'must be the numeric id Meta shows for the number'),
    /** Meta's display number is used when left out; a given one must match it. */
    display_phone_number: z.string().min(5).max(32).optional(),
    default_region: z.string().length(2, 'must be a two-letter ISO 3166 region such as BR'),
    waba_id: z
      .string()
      .regex(/^\d{5,20}$/)
      .optional(),
    /** Required unless WHATSAPP_NUMBER_PROOF=off: the proof is that Meta lets this token read the number. */
    access_token: z
      .string()
      .min(10)
      .max(2048)
      // It travels in an Authorization header: only what a header can carry (Meta's are URL-safe).
      .regex(/^[\x21-\x7e]+$/, 'must be the token as Meta shows it (no spaces or other characters)')
      .optional(),
  })
  .strict()
  .openapi('NewChannel')

const create = createRoute({
  method: 'post',
  path: '/api/v1/channels',
  tags: ['channels'],
  summary: 'Register a WhatsApp number, once Meta confirms the given access token can read it',
  security: bearerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: newChannelSchema } } } },
  responses: {
    201: {
      description: 'Registered; deliveries that arrived before are processed now',
      content: { 'application/json': { schema: registeredSchema } },
    },
    200: {
      description: 'Already this workspace’s number: token and proof refreshed',
      content: { 'application/json': { schema: registeredSchema } },
    },
    ...commonErrors,
    403: errorResponse(
      'Meta did not confirm that the access token can read the number (reason ownership_not_proven); the same answer whether or not anyone holds it',
    ),
    409: errorResponse(
      'Proven, but connected to another workspace (reason held_by_another_workspace): contact support',
    ),
    503: errorResponse('Meta could not be asked (reason meta_unavailable); nothing was registered'),
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
    const workspaceId = c.get('auth').workspaceId
    const { config } = deps
    if (config.WHATSAPP_NUMBER_PROOF === 'off') {
      deps.logger.warn(
        { workspaceId, phoneNumberId: body.phone_number_id },
        'registering a WhatsApp number without proof of ownership (WHATSAPP_NUMBER_PROOF=off)',
      )
    }
    const { channel, requeued, created } = await createChannel(
      deps.db,
      workspaceId,
      {
        phoneNumberId: body.phone_number_id,
        displayPhoneNumber: body.display_phone_number,
        defaultRegion: body.default_region,
        wabaId: body.waba_id,
        accessToken: body.access_token,
      },
      deps.encryptionKey,
      config.WHATSAPP_NUMBER_PROOF === 'off'
        ? { mode: 'off' }
        : {
            mode: 'graph',
            cloudApi: {
              graphUrl: config.WHATSAPP_GRAPH_URL,
              apiVersion: config.WHATSAPP_API_VERSION,
              timeoutMs: PROOF_TIMEOUT_MS,
            },
          },
    )
    if (requeued > 0) deps.ingestWorker?.wake()
    return c.json({ channel, requeued_events: requeued }, created ? 201 : 200)
  })
  app.openapi(list, async (c) =>
    c.json({ channels: await listChannels(deps.db, c.get('auth').workspaceId) }, 200),
  )
  return app
}
