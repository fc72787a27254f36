import { createRoute } from '@hono/zod-openapi'
import { INTENT_SUGGESTION_BELOW } from '@scrm/shared'
import { warmUp } from '../../intelligence/intent'
import { insightsFor } from '../../intelligence/message-insights'
import { INTENTS } from '../../intelligence/types'
import { workspaceLayers } from '../../intelligence/workspace-models'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, z } from '../openapi'

export const CLASSIFY_TEXT_MAX = 4096

const classifyRequestSchema = z
  .object({
    text: z
      .string()
      .min(1)
      .max(CLASSIFY_TEXT_MAX)
      .openapi({ example: 'oi, quanto custa o tênis preto? tem desconto no pix?' }),
  })
  .strict()
  .openapi('ClassifyRequest')

export const classificationSchema = z
  .object({
    intent: z.enum(INTENTS).openapi({ example: 'price_discount' }),
    confidence: z.number().min(0).max(1).openapi({ example: 0.97, description: 'Calibrated probability' }),
    suggestion: z.boolean().openapi({ description: 'Confidence too low to state the intent as a fact' }),
    intents: z
      .array(z.object({ value: z.enum(INTENTS), confidence: z.number().min(0).max(1) }))
      .openapi({ description: 'The primary intent first, then every other with confidence ≥ 0.1' }),
    sentiment: z
      .number()
      .min(0)
      .max(1)
      .openapi({ description: '0 = negative, 0.5 = neutral, 1 = positive', example: 0.5 }),
    language: z.enum(['pt', 'es', 'en', 'zh', 'unknown']).openapi({ example: 'pt' }),
  })
  .openapi('Classification')

const route = createRoute({
  method: 'post',
  path: '/api/v1/classify',
  tags: ['intelligence'],
  summary: "A customer message's intent, sentiment and language",
  description:
    'Rule lexicons and a naive Bayes model for Portuguese, Spanish, English and Chinese, with the ' +
    'calling workspace’s own layers (learned from its reps’ corrections): the answer its ' +
    'messages would get at ingest. Well under a millisecond; nothing is stored.',
  security: bearerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: classifyRequestSchema } } } },
  responses: {
    200: { description: 'Classification', content: { 'application/json': { schema: classificationSchema } } },
    ...commonErrors,
  },
})

export function classifyRoutes(deps: AppDeps) {
  warmUp() // load the models when the app is built, not on the first request
  const app = newRouter()
  app.openapi(route, async (c) => {
    const { text } = c.req.valid('json')
    const workspaceId = c.get('auth').workspaceId
    const layers = (await workspaceLayers(deps.db, [workspaceId])).get(workspaceId)
    // 'text' is always classified; null only for a message with no words, which min(1) rules out.
    const found = insightsFor('text', text, layers)
    if (!found) throw new Error('a text message was not classified')
    return c.json(
      classificationSchema.parse({
        intent: found.intent,
        confidence: found.confidence,
        suggestion: found.confidence < INTENT_SUGGESTION_BELOW,
        intents: found.intents,
        sentiment: found.sentiment,
        language: found.language,
      }),
      200,
    )
  })
  return app
}
