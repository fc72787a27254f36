import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'
import { z } from 'zod'

/**
 * A backup file: the magic line, one JSON header line (nothing secret: scope, schema version, key
 * derivation and cipher parameters), then AES-256-GCM ciphertext of a gzip-compressed record
 * stream, then GCM's 16-byte tag. The header is the cipher's additional data, so changing it
 * (say, to restore into another workspace) fails authentication like changing the body does.
 *
 * Hand-written because no maintained library makes an encrypted, streamed, schema-independent
 * Postgres export that PGlite can also produce (pg_dump does not run against PGlite); the parts
 * are Node's own: scrypt, AES-GCM and gzip.
 */
export const BACKUP_MAGIC = 'SCRMBAK1\n'
export const TAG_BYTES = 16

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

export const backupHeaderSchema = z.object({
  format: z.literal(1),
  created_at: z.string(),
  /** Null: the whole database. */
  workspace_id: z.string().uuid().nullable(),
  /** The newest migration applied where the backup was made; a restore needs at least this one. */
  migration: z.object({ count: z.number().int().nonnegative(), created_at: z.number().nullable() }),
  kind: z.enum(['full', 'incremental']),
  /** An incremental backup applies on top of this one (its `id`). */
  base_id: z.string().nullable(),
  id: z.string(),
  /** The database's snapshot the backup saw (`pg_current_snapshot()`): the next incremental starts here. */
  snapshot: z.string(),
  /** Incremental only: rows whose version this snapshot could not see are the ones carried. */
  since_snapshot: z.string().nullable(),
  kdf: z.object({ name: z.literal('scrypt'), salt: z.string(), N: z.number(), r: z.number(), p: z.number() }),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: z.string() }),
  compression: z.literal('gzip'),
})
export type BackupHeader = z.infer<typeof backupHeaderSchema>

/** What the encrypted stream holds, one record per line. */
export type BackupRecord =
  | { table: string; columns: string[]; primary_key: string[] }
  | { row: Record<string, unknown> }
  /** Incremental only: every primary key the table held at backup time, so deletions carry over. */
  | { keys: unknown[] }
  | { end: { rows: Record<string, number> } }

export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

export function deriveKey(passphrase: string, salt: Buffer, params = SCRYPT): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase, salt, 32, { ...params, maxmem: SCRYPT.maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

export async function newEncryption(
  passphrase: string,
  header: Omit<BackupHeader, 'kdf' | 'cipher' | 'compression' | 'format'>,
) {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const full: BackupHeader = {
    format: 1,
    ...header,
    kdf: { name: 'scrypt', salt: salt.toString('base64'), N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') },
    compression: 'gzip',
  }
  const prefix = Buffer.from(`${BACKUP_MAGIC}${JSON.stringify(full)}\n`, 'utf8')
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv)
  cipher.setAAD(prefix)
  return { header: full, prefix, cipher }
}

/** Splits the file's first bytes into its header; throws a BackupError when it is not a backup. */
export function parsePrefix(head: Buffer): { header: BackupHeader; prefix: Buffer } {
  if (head.subarray(0, BACKUP_MAGIC.length).toString('utf8') !== BACKUP_MAGIC)
    throw new BackupError('This file is not a backup made by this product.')
  const end = head.indexOf(0x0a, BACKUP_MAGIC.length)
  if (end < 0) throw new BackupError('The backup header is incomplete.')
  let parsed: unknown
  try {
    parsed = JSON.parse(head.subarray(BACKUP_MAGIC.length, end).toString('utf8'))
  } catch {
    throw new BackupError('The backup header is not readable.')
  }
  const header = backupHeaderSchema.safeParse(parsed)
  if (!header.success) throw new BackupError('The backup header is not one this version understands.')
  return { header: header.data, prefix: head.subarray(0, end + 1) }
}

export async function newDecipher(passphrase: string, header: BackupHeader, prefix: Buffer, tag: Buffer) {
  const { salt, N, r, p } = header.kdf
  const key = await deriveKey(passphrase, Buffer.from(salt, 'base64'), { N, r, p, maxmem: SCRYPT.maxmem })
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'))
  decipher.setAAD(prefix)
  decipher.setAuthTag(tag)
  return decipher
}
