import { crmRequests } from '../../lib/metrics'
import type { CrmConnector, WriteResult } from '../port'

export interface BatchWrite {
  results: WriteResult[]
  calls: number
}

/**
 * Sends a batch; when the CRM refuses the whole batch as invalid (one bad input spoils it), the
 * halves are sent separately until the bad input stands alone, so it alone goes to review.
 * Rate limits and outages fail every input with the same error (they retry together).
 */
export async function writeBatch<I extends { ref: string }>(
  connector: CrmConnector,
  inputs: I[],
  send: (inputs: I[]) => Promise<WriteResult[]>,
): Promise<BatchWrite> {
  if (inputs.length === 0) return { results: [], calls: 0 }
  try {
    const results = await send(inputs)
    crmRequests.inc({ provider: connector.provider, outcome: 'ok' })
    return { results, calls: 1 }
  } catch (error) {
    const classified = connector.classifyError(error)
    crmRequests.inc({ provider: connector.provider, outcome: classified.kind })
    if (classified.kind === 'permanent' && inputs.length > 1) {
      const mid = Math.ceil(inputs.length / 2)
      const a = await writeBatch(connector, inputs.slice(0, mid), send)
      const b = await writeBatch(connector, inputs.slice(mid), send)
      return { results: [...a.results, ...b.results], calls: 1 + a.calls + b.calls }
    }
    return { results: inputs.map((i) => ({ ref: i.ref, ok: false as const, error: classified })), calls: 1 }
  }
}
