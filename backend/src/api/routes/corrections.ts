import { createRoute } from '@hono/zod-openapi'
import { intentSchema } from '@scrm/shared'
import { listCorrections, recordCorrection } from '../../intelligence/corrections'
import { confirmIntentAlert, intentAccuracy } from '../../intelligence/intent-accuracy'
import { SENTIMENT_LABELS } from '../../intelligence/types'
import { retrainWorkspace } from '../../intelligence/workspace-models'
import type { AppDeps } from '../app-env'
import { requireAdmin } from '../auth'
import { bearerSecurity, commonErrors, errorResponse, newRouter, okSchema, z } from '../openapi'

const messageId = z.object({ id: z.string().regex(/^\d{1,18}$/, 'a message id (digits)') })

const correctionSchema = z
  .object({
    id: z.number().int(),
    message_id: z.number().int(),
    field: z.enum(['intent', 'sentiment']),
    predicted: z.string().nullable().openapi({ description: 'What the classifier had said' }),
    predicted_confidence: z.number().nullable(),
    value: z.string().openapi({ description: 'What the rep says' }),
    agreed: z.boolean().openapi({ description: 'The rep confirmed the prediction' }),
    corrected_by: z.string().openapi({ description: '<scope>:<key id> of the call' }),
    rep: z.string().nullable().openapi({ description: 'The rep as the card named them' }),
    corrected_at: z.string(),
  })
  .openapi('Correction')

const correctionRequest = z
  .discriminatedUnion('field', [
    z
      .object({
        field: z.literal('intent'),
        value: intentSchema,
        rep: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    z
      .object({
        field: z.literal('sentiment'),
        value: z.enum(SENTIMENT_LABELS),
        rep: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
  ])
  .openapi('CorrectionRequest')

const accuracySchema = z
  .object({
    intent: intentSchema,
    reviewed: z.number().int(),
    agreed: z.number().int(),
    accuracy: z.number().nullable(),
    paused: z.boolean(),
    alert: z.object({ accuracy: z.number(), reviewed: z.number().int(), raised_at: z.string() }).nullable(),
  })
  .openapi('IntentAccuracy')

export function correctionRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/messages/{id}/corrections',
      tags: ['intelligence'],
      summary: "A rep corrects (or confirms) a customer message's intent or sentiment",
      description:
        'Stored per workspace with who and when; the message shows the rep’s answer at once, the ' +
        'workspace’s intent or sentiment layer learns it at the next retrain, and the intent’s accuracy is ' +
        're-measured (under 80 % over the window pauses its automations until an admin confirms).',
      security: bearerSecurity,
      request: {
        params: messageId,
        body: { required: true, content: { 'application/json': { schema: correctionRequest } } },
      },
      responses: {
        200: {
          description: 'The stored correction',
          content: {
            'application/json': {
              schema: z.object({
                correction: correctionSchema,
                paused: z.boolean().openapi({ description: 'The predicted intent’s automations are paused' }),
              }),
            },
          },
        },
        ...commonErrors,
        404: errorResponse('No such message'),
      },
    }),
    async (c) => {
      const auth = c.get('auth')
      const { correction, paused, alert } = await recordCorrection(
        deps.db,
        auth.workspaceId,
        Number(c.req.valid('param').id),
        c.req.valid('json'),
        `${auth.scope}:${auth.keyId}`,
        new Date(),
      )
      if (alert)
        deps.logger.warn(
          { workspaceId: auth.workspaceId, intent: correction.predicted, ...alert },
          'intent accuracy under 80 %: its automations are paused until an admin confirms',
        )
      return c.json({ correction, paused }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/corrections',
      tags: ['intelligence'],
      summary: 'The workspace’s corrections, newest first',
      security: bearerSecurity,
      request: {
        query: z.object({
          field: z.enum(['intent', 'sentiment']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z
            .string()
            .regex(/^\d{1,18}$/)
            .optional(),
        }),
      },
      responses: {
        200: {
          description: 'A page of corrections',
          content: {
            'application/json': {
              schema: z.object({
                corrections: z.array(correctionSchema),
                next_cursor: z.string().nullable(),
              }),
            },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = await listCorrections(deps.db, c.get('auth').workspaceId, {
        field: q.field,
        limit: q.limit,
        cursor: q.cursor === undefined ? undefined : Number(q.cursor),
      })
      return c.json(page, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/intelligence/retrain',
      tags: ['intelligence'],
      summary: 'Retrain the workspace’s intent and sentiment layers on its corrections now',
      description:
        'Admin. The scheduler does it hourly when there are new corrections (INTENT_RETRAIN_SCHEDULE).',
      security: bearerSecurity,
      responses: {
        200: {
          description: 'The new layer',
          content: {
            'application/json': {
              schema: z.object({
                examples: z.number().int().openapi({ description: 'Intent corrections learned from' }),
                features: z.number().int(),
                sentiment_examples: z
                  .number()
                  .int()
                  .openapi({ description: 'Sentiment corrections learned from' }),
                sentiment_features: z.number().int(),
                trained_at: z.string(),
              }),
            },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const auth = c.get('auth')
      requireAdmin(auth.scope)
      const r = await retrainWorkspace(deps.db, auth.workspaceId, new Date())
      return c.json(
        {
          examples: r.examples,
          features: r.features,
          sentiment_examples: r.sentimentExamples,
          sentiment_features: r.sentimentFeatures,
          trained_at: r.trainedAt.toISOString(),
        },
        200,
      )
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/intelligence/accuracy',
      tags: ['intelligence'],
      summary: 'Accuracy against reps’ reviews per intent, and the intents whose automations are paused',
      security: bearerSecurity,
      responses: {
        200: {
          description: 'One row per intent',
          content: { 'application/json': { schema: z.object({ intents: z.array(accuracySchema) }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => c.json({ intents: await intentAccuracy(deps.db, c.get('auth').workspaceId) }, 200),
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/intelligence/alerts/{intent}/confirm',
      tags: ['intelligence'],
      summary: 'An admin confirms an accuracy alert: the intent’s automations run again',
      security: bearerSecurity,
      request: { params: z.object({ intent: intentSchema }) },
      responses: {
        200: { description: 'Resumed', content: { 'application/json': { schema: okSchema } } },
        ...commonErrors,
        404: errorResponse('No open alert for this intent'),
      },
    }),
    async (c) => {
      const auth = c.get('auth')
      requireAdmin(auth.scope)
      await confirmIntentAlert(
        deps.db,
        auth.workspaceId,
        c.req.valid('param').intent,
        `${auth.scope}:${auth.keyId}`,
        new Date(),
      )
      return c.json({ ok: true as const }, 200)
    },
  )
  return app
}
