import { sql } from 'drizzle-orm'
import { queryRows } from '../backend/src/db/query-rows'
import { customerWrites } from './support/conversation'
import { NUMBER_A, registerChannel, startTestRuntime } from './support/test-runtime'

const rt = await startTestRuntime('pglite')
await registerChannel(rt, NUMBER_A)
await customerWrites(rt, NUMBER_A, { waId: '5511960000001', name: 'Bia' }, 'Oi, cadê meu pedido?').catch((e) => console.log('ERR', e))
console.log(await queryRows(rt.db.db, sql`select state, last_error from webhook_events`))
await rt.close()
