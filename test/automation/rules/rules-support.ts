import { sql } from 'drizzle-orm'
import { queryRows } from '../../../backend/src/db/query-rows'
import { customerWrites } from '../../support/conversation'
import { NUMBER_A, type TestRuntime } from '../../support/test-runtime'

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** A moment in the recent past on a whole second (Meta's timestamps have no milliseconds). */
export const wholeSecond = (ms: number) => new Date(Math.floor(ms / SECOND) * SECOND)

/** One customer of the tests: writes through the real webhook → ingest path, reads back rows. */
export class Customer {
  readonly phone: string
  constructor(
    private readonly rt: TestRuntime,
    readonly waId: string,
    readonly name = 'Cliente',
  ) {
    this.phone = `+${waId}`
  }

  says(body: string, at?: Date): Promise<void> {
    return customerWrites(this.rt, NUMBER_A, { waId: this.waId, name: this.name }, body, at)
  }

  // biome-ignore lint/suspicious/noExplicitAny: assertions read the thread view field by field
  async thread(): Promise<any> {
    return (await this.rt.api(`/api/v1/thread?phone=${encodeURIComponent(this.phone)}`)).json()
  }

  async tagKeys(): Promise<string[]> {
    return (await this.thread()).tags.map((t: { key: string }) => t.key).sort()
  }

  jobs(): Promise<{ action: Record<string, unknown>; rule_key: string | null; message_id: number | null }[]> {
    return queryRows(
      this.rt.db.db,
      sql`select j.action, r.key as rule_key, j.message_id from automation_jobs j
        join contacts c on c.id = j.contact_id left join rules r on r.id = j.rule_id
        where c.phone_e164 = ${this.phone} order by j.id`,
    )
  }

  tasks(): Promise<
    { title: string; due_at: string; created_at: string; reason: { ruleKey: string; note: string } }[]
  > {
    return queryRows(
      this.rt.db.db,
      sql`select t.title, t.due_at, t.created_at, t.reason from follow_up_tasks t join contacts c on c.id = t.contact_id
        where c.phone_e164 = ${this.phone} order by t.created_at`,
    )
  }

  firings(ruleKey: string): Promise<{ explanation: string; message_ids: number[]; dedupe_key: string }[]> {
    return queryRows(
      this.rt.db.db,
      sql`select f.explanation, f.message_ids, f.dedupe_key from rule_firings f
        join contacts c on c.id = f.contact_id join rules r on r.id = f.rule_id
        where c.phone_e164 = ${this.phone} and r.key = ${ruleKey} order by f.id`,
    )
  }
}

/** Numbers unique per test file run, valid for libphonenumber (Brazilian mobiles). */
export function customers(rt: TestRuntime, prefix: string): (name?: string) => Customer {
  let n = 0
  return (name) => {
    n += 1
    return new Customer(rt, `55119${prefix}${String(n).padStart(4, '0')}`, name)
  }
}
