/**
 * The customer phone's and the HubSpot/Salesforce previews' API: who the visitor can be, what they
 * write (delivered by the WhatsApp simulator as Meta's signed webhook), what they were sent, and
 * the thread view the cards read.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { businessNumbers } from './customer-side'
import { CUSTOMERS, NUMBERS } from './customers'
import { callBackend, type DemoContext, demoError, waIdSchema } from './demo-context'

const writeBody = z
  .object({
    wa_id: waIdSchema,
    name: z.string().trim().min(1).max(80).optional(),
    phone_number_id: z.string().regex(/^\d{5,20}$/),
    text: z.string().trim().min(1).max(4096),
  })
  .strict()

export function phoneRoutes(ctx: DemoContext) {
  const app = new Hono()
  const { customers } = ctx
  const invalid = (message: string) => demoError('validation_failed', message)

  /** Who the visitor can be: the seeded customers and whoever they invented, and the business numbers. */
  app.get('/demo/api/people', (c) => {
    const numberOf = (key: string) => NUMBERS.find((n) => n.key === key)?.phoneNumberId ?? ''
    const people: { wa_id: string; name: string; language: string; number: string }[] = CUSTOMERS.map(
      (p) => ({
        wa_id: p.waId,
        name: p.name,
        language: p.language,
        number: numberOf(p.number),
      }),
    )
    for (const p of customers.list())
      if (!people.some((q) => q.wa_id === p.waId))
        people.push({ wa_id: p.waId, name: p.name, language: '', number: p.phoneNumberId })
    return c.json({ people, numbers: businessNumbers() })
  })

  app.get('/demo/api/conversation', (c) => {
    const parsed = waIdSchema.safeParse(c.req.query('wa_id'))
    if (!parsed.success) return c.json(invalid('wa_id: digits of an international number'), 400)
    return c.json({ messages: customers.conversation(parsed.data) })
  })

  app.post('/demo/api/write', async (c) => {
    const parsed = writeBody.safeParse(await c.req.json().catch(() => null))
    if (!parsed.success) return c.json(invalid(parsed.error.issues.map((i) => i.message).join('; ')), 400)
    const b = parsed.data
    if (!businessNumbers().some((n) => n.phone_number_id === b.phone_number_id))
      return c.json(invalid('phone_number_id: not one of the demo numbers'), 400)
    const name = b.name ?? CUSTOMERS.find((p) => p.waId === b.wa_id)?.name ?? `+${b.wa_id}`
    try {
      const message = await customers.write({ waId: b.wa_id, name, phoneNumberId: b.phone_number_id }, b.text)
      return c.json({ message }, 201)
    } catch (error) {
      return c.json(demoError('delivery_failed', (error as Error).message), 502)
    }
  })

  /** What the HubSpot and Salesforce previews show: the thread view their cards read. */
  app.get('/demo/api/card', async (c) => {
    const parsed = waIdSchema.safeParse(c.req.query('wa_id'))
    if (!parsed.success) return c.json(invalid('wa_id: digits of an international number'), 400)
    const res = await callBackend(
      ctx,
      `/api/v1/thread?phone=${encodeURIComponent(`+${parsed.data}`)}&limit=30`,
      { authorization: `Bearer ${ctx.stack.secrets.adminKey}` },
    )
    return c.body(await res.text(), res.status as 200, { 'content-type': 'application/json' })
  })

  /** What the seed made (ids, not secrets), for visitors and the demo's test. */
  app.get('/demo/api/state', (c) => {
    const seed = ctx.seed()
    if (!seed) return c.json({ ready: false }, 503)
    const { zohoCardKey: _secret, ...visible } = seed
    return c.json({ ready: true, backend_url: ctx.stack.backendUrl, ...visible })
  })
  return app
}
