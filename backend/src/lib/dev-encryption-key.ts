import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * Outside production a newcomer should not have to invent a key to try the product: one is
 * generated once and kept beside the embedded database (which it protects). Production refuses
 * to start without ENCRYPTION_KEY (see config.ts).
 */
export function devEncryptionKey(dataDir: string): Buffer {
  const dir = resolve(dataDir)
  const file = join(dir, 'dev-encryption.key')
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
  mkdirSync(dir, { recursive: true })
  const key = randomBytes(32)
  writeFileSync(file, key.toString('base64'), { mode: 0o600 })
  return key
}
