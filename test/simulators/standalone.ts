/**
 * What every simulator's standalone `main.ts` shares: flags that are also environment variables
 * (`--daily-limit` = `<PREFIX>_DAILY_LIMIT`, flags win), a usage text, and a run that prints one
 * JSON "listening" line and stops on SIGINT / SIGTERM.
 */
import { parseArgs } from 'node:util'

export interface Flags<F extends string> {
  get(flag: F): string | undefined
  /** The flag as a number; a value that is not one stops the start with the flag named. */
  num(flag: F): number | undefined
  bool(flag: F): boolean
}

/** Reads the flags; null when `--help` was asked (the usage is printed). */
export function readFlags<F extends string>(
  described: Record<F, string>,
  envPrefix: string,
  booleans: readonly NoInfer<F>[] = [],
): Flags<F> | null {
  const names = Object.keys(described) as F[]
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(names.map((k) => [k, { type: booleans.includes(k) ? 'boolean' : 'string' }])),
      help: { type: 'boolean', short: 'h' },
    } as Record<string, { type: 'string' | 'boolean'; short?: string }>,
  })
  if (values.help) {
    const width = Math.max(...names.map((n) => n.length)) + 2
    const lines = names.map((k) => `  --${k.padEnd(width)} ${described[k]}`)
    process.stdout.write(`Usage: main.ts [--flag value]…\n${lines.join('\n')}\n`)
    return null
  }
  const get = (flag: F): string | undefined => {
    const v = values[flag] ?? process.env[`${envPrefix}_${flag.toUpperCase().replace(/-/g, '_')}`]
    return v === undefined ? undefined : String(v)
  }
  return {
    get,
    num(flag) {
      const v = get(flag)
      if (v === undefined) return undefined
      const n = Number(v)
      if (!Number.isFinite(n)) throw new Error(`--${flag} must be a number, got ${v}`)
      return n
    },
    bool: (flag) => /^(1|true|yes)$/i.test(get(flag) ?? ''),
  }
}

/** Starts a simulator, prints its "listening" line, and closes it on SIGINT / SIGTERM. */
export function runStandalone(
  start: () => Promise<{ close(): Promise<void>; listening: Record<string, unknown> } | null>,
): void {
  start()
    .then((sim) => {
      if (!sim) return
      process.stdout.write(`${JSON.stringify({ event: 'listening', ...sim.listening })}\n`)
      const stop = async () => {
        await sim.close()
        process.exit(0)
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
      process.exit(1)
    })
}
