/**
 * `POST /{Version}/{Phone-Number-ID}/messages`: the checks Meta makes, in order, and what an accepted
 * message sets in motion. Synchronous refusals come back as Meta's error body; rule breaks Meta only
 * reports later (24 h window, messaging tier, undeliverable recipients) are accepted with 200 and then
 * get a `failed` status webhook.
 */
import { wamid } from '../envelopes'
import { errorDef, metaError } from './meta-errors'
import { chance } from './random'
import { isBsuid, recipientKey, type SimulatorState } from './state'
import { planStatuses, type StatusContext, statusEnvelope, statusObject } from './statuses'
import { checkTemplateSend } from './templates'
import { DEFAULTS, type NumberConfig, type SentRecord, type TemplateDef } from './types'

export interface Answer {
  status: number
  body: unknown
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker'])

function reject(state: SimulatorState, code: number, details?: string): Answer {
  state.stats.rejected(code)
  return metaError(code, details)
}

export function handleSend(
  state: SimulatorState,
  version: string,
  number: NumberConfig,
  body: unknown,
): Answer {
  const now = Date.now()
  if (!isObj(body)) return reject(state, 100, 'Request body must be a JSON object.')

  if (body.status !== undefined || body.message_id !== undefined) {
    const v = state.validator.markRead(body)
    if (!v.ok) return reject(state, 100, v.details)
    state.stats.markedRead()
    return { status: 200, body: { success: true } }
  }

  const v = state.validator.message(body)
  if (!v.ok) return reject(state, 100, v.details)
  const biz = typeof body.biz_opaque_callback_data === 'string' ? body.biz_opaque_callback_data : undefined
  if (biz !== undefined && Buffer.byteLength(biz) > 512) {
    return reject(state, 100, 'Param biz_opaque_callback_data must be at most 512 bytes long.')
  }
  const type = typeof body.type === 'string' ? body.type : 'text'
  const input = typeof body.to === 'string' ? body.to : String(body.recipient)
  const group = body.recipient_type === 'group'
  const key = group ? input : recipientKey(input)
  if (!group && !isBsuid(key) && (key.length < 5 || key.length > 15)) {
    return reject(
      state,
      100,
      `Param ${body.to !== undefined ? 'to' : 'recipient'} is not a valid WhatsApp user id.`,
    )
  }
  if (key === recipientKey(number.displayPhoneNumber)) return reject(state, 131021)

  let template: TemplateDef | undefined
  if (type === 'template' && isObj(body.template)) {
    const t = body.template
    const language = isObj(t.language) ? String(t.language.code) : ''
    template = state.templates.find(number.wabaId, String(t.name), language)
    const problem = checkTemplateSend(template, { name: String(t.name), language, components: t.components })
    if (problem) return reject(state, problem.code, problem.details)
  }

  const faults = state.options.faults ?? {}
  const forced = Object.entries(faults.failCodes ?? {}).find(
    ([r]) => r === input || recipientKey(r) === key,
  )?.[1]
  if (forced !== undefined && errorDef(forced).http !== 'async') return reject(state, forced)

  if (!state.throughput.fits(number.phoneNumberId, state.mps(number), now)) {
    state.stats.violation('throughput')
    return reject(state, 130429)
  }
  if (!state.pairs.tryTake(`${number.phoneNumberId}|${key}`, state.pairPerSeconds, state.pairBurst, now)) {
    state.stats.violation('pair')
    return reject(state, 131056)
  }
  state.throughput.record(number.phoneNumberId, now)

  // Accepted. Decide now what the status webhooks will report.
  const windowOpen = state.windows.isOpen(number.phoneNumberId, key, now)
  let failure: number | undefined
  if (!windowOpen && type !== 'template') {
    state.stats.violation('window')
    failure = 131047
  } else if (
    !windowOpen &&
    state.tiers.take(number.phoneNumberId, key, state.tierLimit(number), now) === 'over'
  ) {
    state.stats.violation('tier')
    failure = state.options.tierFailCode ?? DEFAULTS.tierFailCode
  }
  failure ??= forced
  if (failure === undefined && (faults.undeliverable ?? []).some((u) => recipientKey(u) === key))
    failure = 131026
  if (failure === undefined && MEDIA_TYPES.has(type)) {
    const media = body[type]
    if (isObj(media) && typeof media.id === 'string' && !state.media.has(media.id)) failure = 131053
  }

  const id = wamid('SIM')
  const category = template ? template.category.toLowerCase() : 'service'
  const record: SentRecord = {
    id,
    phoneNumberId: number.phoneNumberId,
    recipient: input,
    ...(isBsuid(key) ? { userId: key } : { waId: key }),
    type,
    category,
    businessInitiated: !windowOpen,
    ...(biz !== undefined ? { bizOpaqueCallbackData: biz } : {}),
    duplicateClientId: state.stats.accepted(number.phoneNumberId, now, biz),
    acceptedAt: now,
    body,
    outcome:
      failure !== undefined
        ? 'failed'
        : chance(state.rng, state.options.readRate ?? DEFAULTS.readRate)
          ? 'read'
          : 'delivered',
    ...(failure !== undefined ? { error: { code: failure, title: errorDef(failure).title } } : {}),
  }
  state.sent.push(record)
  if (failure !== undefined) state.stats.failed(failure)
  scheduleStatuses(state, { number, record, apiMajor: Number.parseInt(version.slice(1), 10), windowOpen })

  return {
    status: 200,
    body: {
      messaging_product: 'whatsapp',
      contacts: [record.userId ? { input, user_id: record.userId } : { input, wa_id: key }],
      messages: [{ id, ...(type === 'template' ? { message_status: 'accepted' } : {}) }],
    },
  }
}

function scheduleStatuses(state: SimulatorState, ctx: StatusContext): void {
  const o = state.options
  const plan = planStatuses(
    ctx.record,
    {
      latency: o.statusLatencyMs ?? DEFAULTS.statusLatencyMs,
      dropDeliveredRate: o.dropDeliveredRate ?? DEFAULTS.dropDeliveredRate,
      duplicateRate: o.duplicateRate ?? DEFAULTS.duplicateRate,
      reorder: o.reorder ?? DEFAULTS.reorder,
    },
    state.rng,
  )
  if (o.reorder ?? DEFAULTS.reorder) {
    for (const p of plan) {
      const payload = statusEnvelope(ctx.number, statusObject(ctx, p.value, p.at))
      state.dispatcher.schedule(p.postAfterMs, payload, 1)
      if (p.duplicate) state.dispatcher.schedule(p.postAfterMs + 5, payload, 1)
    }
    return
  }
  let previous = 0
  const steps = plan.flatMap((p) => {
    const payload = statusEnvelope(ctx.number, statusObject(ctx, p.value, p.at))
    const gapMs = Math.max(0, p.postAfterMs - previous)
    previous = p.postAfterMs
    return p.duplicate
      ? [
          { gapMs, payload },
          { gapMs: 5, payload },
        ]
      : [{ gapMs, payload }]
  })
  state.dispatcher.scheduleInOrder(steps)
}
