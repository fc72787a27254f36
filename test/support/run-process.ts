import { type ChildProcess, spawn } from 'node:child_process'

export interface RunningProcess {
  child: ChildProcess
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string
  exit: Promise<number | null>
  /** SIGTERM to the whole process group: npm → sh → node, where a signal to npm alone leaves the server. */
  stop(): void
}

/** Starts a command in its own process group with only the environment given (plus PATH and HOME). */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; path?: string },
): RunningProcess {
  let out = ''
  const child = spawn(command, args, {
    env: { PATH: options.path ?? process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    cwd: options.cwd,
    detached: true,
  })
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (out += d))
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    output: () => out,
    exit,
    stop() {
      if (child.pid === undefined || child.exitCode !== null) return
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        child.kill('SIGTERM')
      }
    },
  }
}
