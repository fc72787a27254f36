/**
 * The demo's data directory: its own (never the user's backend/.data), taken with a pid file so two
 * demos cannot share it, and cleared of whatever a killed run (kill -9) left behind.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const defaultDataDir = () => join(tmpdir(), 'scrm-demo')

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** What a demo puts in its directory: anything else there means the folder is not a demo's. */
const DEMO_ENTRIES = new Set(['demo.pid', 'backend', 'zoho-app'])

/**
 * Takes `dir` for this process; refuses while another live demo holds it, and refuses a folder
 * holding anything a demo did not put there (DEMO_DATA_DIR pointed at the wrong place must never
 * be emptied).
 */
export function takeDataDir(dir: string): void {
  const foreign = existsSync(dir) ? readdirSync(dir).filter((name) => !DEMO_ENTRIES.has(name)) : []
  if (foreign.length > 0)
    throw new Error(
      `${dir} holds files that are not the demo's (${foreign.slice(0, 3).join(', ')}): set DEMO_DATA_DIR to an empty or new folder`,
    )
  const pidFile = join(dir, 'demo.pid')
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').trim())
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
      throw new Error(
        `another demo (pid ${pid}) is using ${dir}: stop it first, or set DEMO_DATA_DIR to another folder`,
      )
  }
  // Leftovers of a run that could not clean up (kill -9, power loss): a fresh demo starts empty.
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(pidFile, String(process.pid))
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}
