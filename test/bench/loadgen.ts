import { Pool } from 'undici'
import { percentile, sortedCopy } from './common'
import { benchDelivery } from './deliveries'
import type { BuiltReply, FromLoadgen, StepCommand, StepReply, ToLoadgen } from './loadgen-protocol'

/**
 * The load generator of ingest.bench.ts. It runs in its own process so that building, signing
 * and timing requests never steals the event loop of the server being measured.
 */

interface Prepared {
  body: Buffer
  headers: Record<string, string>
}

let deliveries: Prepared[] = []

function build(count: number, appSecret: string): BuiltReply {
  const started = performance.now()
  const at = new Date()
  let bytes = 0
  deliveries = new Array(count)
  for (let i = 0; i < count; i++) {
    const d = benchDelivery(i, appSecret, at)
    // Buffers, so undici writes the bytes as they are and the step never encodes strings.
    const body = Buffer.from(d.body, 'utf8')
    bytes += body.length
    deliveries[i] = { body, headers: d.headers }
  }
  return { type: 'built', count, bytes, ms: performance.now() - started }
}

async function step(cmd: StepCommand): Promise<StepReply> {
  const pool = new Pool(cmd.origin, { connections: cmd.connections, pipelining: 1, keepAliveTimeout: 60_000 })
  const latencies: number[] = []
  const failed: number[] = []
  const errorKinds: Record<string, number> = {}
  let next = cmd.startIndex
  let ok = 0
  let exhausted = false
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const deadline = t0 + cmd.seconds * 1000

  // Closed loop: each connection sends its next delivery as soon as the previous one is answered,
  // so the offered load is exactly `connections` requests in flight. With a rate, delivery k is
  // due at t0 + k / rate and a connection waits for that moment (open loop).
  const interval = cmd.ratePerS ? 1000 / cmd.ratePerS : 0
  const connection = async () => {
    while (performance.now() < deadline) {
      if (next >= deliveries.length) {
        exhausted = true
        return
      }
      const index = next++
      const d = deliveries[index] as Prepared
      let start = performance.now()
      if (interval > 0) {
        const due = t0 + (index - cmd.startIndex) * interval
        if (due >= deadline) return
        if (due > start) await new Promise((r) => setTimeout(r, due - start))
        start = due
      }
      try {
        const res = await pool.request({ path: cmd.path, method: 'POST', headers: d.headers, body: d.body })
        await res.body.dump()
        if (res.statusCode === 200) {
          ok += 1
          latencies.push(performance.now() - start)
        } else {
          failed.push(index)
          errorKinds[`http_${res.statusCode}`] = (errorKinds[`http_${res.statusCode}`] ?? 0) + 1
        }
      } catch (error) {
        failed.push(index)
        const kind = (error as { code?: string }).code ?? (error as Error).name
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1
      }
    }
  }
  await Promise.all(Array.from({ length: cmd.connections }, connection))
  const elapsedMs = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  await pool.close()
  const sorted = sortedCopy(latencies)
  return {
    type: 'step',
    connections: cmd.connections,
    startIndex: cmd.startIndex,
    endIndex: next,
    elapsedMs,
    ok,
    failed,
    errorKinds,
    deliveriesPerS: (ok * 1000) / elapsedMs,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
    cpuShare: (cpu.user + cpu.system) / 1000 / elapsedMs,
    exhausted,
  }
}

const reply = (message: FromLoadgen) => process.send?.(message)

// An orphan must not keep hammering the port after the benchmark died.
process.on('disconnect', () => process.exit(0))
process.on('message', (message: ToLoadgen) => {
  if (message.type === 'build') reply(build(message.count, message.appSecret))
  else if (message.type === 'step') void step(message).then(reply)
  else process.exit(0)
})
