import { z } from 'zod'
import { PRIORITIES, SEGMENTS } from '../db/schema'

/**
 * What a rule can do. State actions change the contact inside the evaluating transaction (the
 * thread shows them at once); job actions reach outside the database and are queued as
 * `automation_jobs` for the automation worker, which sends through the outbound queue and policy.
 */

/** A machine key (tags, quick replies, pools, rules): lowercase letters, digits, _ . - */
export const keySchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_.-]+$/, { message: 'use lowercase letters, digits, _ . -' })

export const stateActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('add_tag'),
    tag: keySchema,
    label: z.string().trim().min(1).max(80).optional(),
  }),
  z.object({ type: z.literal('remove_tag'), tag: keySchema }),
  z.object({ type: z.literal('set_segment'), segment: z.enum(SEGMENTS) }),
  z.object({ type: z.literal('set_priority'), priority: z.enum(PRIORITIES) }),
  /** A reminder for the rep, written to the CRM as a task by the sync. */
  z.object({
    type: z.literal('create_task'),
    title: z.string().trim().min(1).max(200),
    body: z.string().max(2000).default(''),
    due_in_days: z.number().int().min(0).max(365).default(0),
    priority: z.enum(['low', 'medium', 'high']).default('medium'),
  }),
  /** A person takes over: automated sends to this contact wait (issue: 12 h). */
  z.object({
    type: z.literal('pause_automation'),
    hours: z
      .number()
      .min(0.25)
      .max(24 * 30)
      .default(12),
  }),
  /** Flags (or clears) churn risk: contacts.churn_risk_at and churn_risk_reason. */
  z.object({ type: z.literal('set_churn_risk'), at_risk: z.boolean().default(true) }),
])
export type StateAction = z.infer<typeof stateActionSchema>

/**
 * What to send instead when the 24 h window is closed (a sweep found someone who went quiet):
 * an approved template, its body parameters personalised like a quick reply ({{first_name}},
 * {{discount_code}} ...). Without `language`, the template's language closest to the contact's.
 */
export const outsideWindowTemplateSchema = z.object({
  template: z.string().trim().min(1).max(512),
  language: z.string().trim().min(2).max(15).optional(),
  parameters: z.array(z.string().max(1024)).max(20).default([]),
})
export type OutsideWindowTemplate = z.infer<typeof outsideWindowTemplateSchema>

export const jobActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('send_quick_reply'),
    quick_reply: keySchema,
    outside_window_template: outsideWindowTemplateSchema.optional(),
  }),
  z.object({
    type: z.literal('send_template'),
    template: z.string().trim().min(1).max(512),
    language: z.string().trim().min(2).max(15),
    /** Body parameters; each may hold {{variables}} filled like a quick reply's. */
    parameters: z.array(z.string().max(1024)).max(20).default([]),
  }),
  /** Takes a free code from the pool (each code goes to one contact) and sends it in the reply. */
  z.object({
    type: z.literal('send_discount_code'),
    pool: keySchema,
    /** The quick reply that carries the code as {{discount_code}}. */
    quick_reply: keySchema,
    outside_window_template: outsideWindowTemplateSchema.optional(),
  }),
  /** Looks up the contact's latest order (CRM field or the workspace's order endpoint) and answers. */
  z.object({
    type: z.literal('reply_order_status'),
    /** Quick reply with {{order_id}}, {{order_status}}, {{order_eta}}, {{tracking_url}}. */
    quick_reply: keySchema,
    /** Sent when no order is found. */
    not_found_quick_reply: keySchema.optional(),
  }),
])
export type JobAction = z.infer<typeof jobActionSchema>

export const ruleActionSchema = z.union([stateActionSchema, jobActionSchema])
export type RuleAction = z.infer<typeof ruleActionSchema>

export const isJobAction = (a: RuleAction): a is JobAction =>
  a.type === 'send_quick_reply' ||
  a.type === 'send_template' ||
  a.type === 'send_discount_code' ||
  a.type === 'reply_order_status'
