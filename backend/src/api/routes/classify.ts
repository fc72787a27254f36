import { createRoute } from '@hono/zod-openapi'
import { INTENT_SUGGESTION_BELOW } from '@scrm/shared'
import { classifyIntent, warmUp } from '../../intelligence/intent'
import { analyzeSentiment } from '../../intelligence/sentiment'
import { INTENTS } from '../../intelligence/types'
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
    'Pure and synchronous (well under a millisecond): rule lexicons and a naive Bayes model for ' +
    'Portuguese, Spanish, English and Chinese. Nothing is stored.',
  security: bearerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: classifyRequestSchema } } } },
  responses: {
    200: { description: 'Classification', content: { 'application/json': { schema: classificationSchema } } },
    ...commonErrors,
  },
})

export function classifyRoutes(_deps: AppDeps) {
  warmUp() // load the models when the app is built, not on the first request
  const app = newRouter()
  app.openapi(route, (c) => {
    const { text } = c.req.valid('json')
    const { intent, confidence, intents, language } = classifyIntent(text)
    const { score } = analyzeSentiment(text)
    return c.json(
      classificationSchema.parse({
        intent,
        confidence,
        suggestion: confidence < INTENT_SUGGESTION_BELOW,
        intents,
        sentiment: score,
        language,
      }),
      200,
    )
  })
  return app
}
