/**
 * Where media bytes live. One interface, two stores: a folder under the data directory (the zero
 * configuration default) and any S3-compatible bucket. Keys are opaque paths built by `mediaKey`.
 */
export interface MediaStorage {
  /** `local` or `s3`: shown in logs and the README, never used to branch. */
  readonly kind: string
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>
  /** The bytes under `key`, or null when nothing is stored there. */
  get(key: string): Promise<Uint8Array | null>
  /** Removes `key`; removing a missing key is not an error (erasure and retries repeat it). */
  delete(key: string): Promise<void>
  /** Every key under `prefix`, for erasure checks and backups. */
  list(prefix: string): Promise<string[]>
}

export type MediaVariant = 'file' | 'thumb' | 'animation'

/** `<workspace>/<media object>/<variant>`: both ids are random uuids, so no key can be guessed. */
export function mediaKey(workspaceId: string, objectId: string, variant: MediaVariant): string {
  return `${workspaceId}/${objectId}/${variant}`
}
