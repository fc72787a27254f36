import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { FromLoadgen, ToLoadgen } from './loadgen-protocol'

/**
 * The benches' webhook load generator (`loadgen.ts`), in its own process so its CPU is not the
 * server's. 'advanced' serialization carries the failed-index arrays without JSON round trips; the
 * child inherits tsx's loader through process.execArgv. One request at a time.
 */
export class Loadgen {
  private readonly child: ChildProcess
  private pending: ((m: FromLoadgen) => void) | null = null

  constructor() {
    this.child = fork(fileURLToPath(new URL('./loadgen.ts', import.meta.url)), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    this.child.on('message', (m: FromLoadgen) => {
      const p = this.pending
      this.pending = null
      p?.(m)
    })
    this.child.on('exit', (code) => {
      if (this.pending) {
        process.stdout.write(`load generator exited unexpectedly (code ${code})\n`)
        process.exit(1)
      }
    })
  }

  call<T extends FromLoadgen>(message: ToLoadgen): Promise<T> {
    return new Promise((resolve) => {
      this.pending = resolve as (m: FromLoadgen) => void
      this.child.send(message)
    })
  }

  close(): void {
    if (this.child.connected) this.child.send({ type: 'exit' } satisfies ToLoadgen)
  }
}
