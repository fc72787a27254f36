import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'

export interface S3Server {
  endpoint: string
  bucket: string
  /** Credentials s3rver accepts (its fixed pair); the SDK signs every request with them. */
  accessKeyId: string
  secretAccessKey: string
  close(): Promise<void>
}

/**
 * A real S3-compatible server from npm (s3rver: the S3 REST API over HTTP, objects on disk), so
 * the AWS SDK client is tested against the protocol, not a mock of itself.
 */
export async function startS3Server(bucket = 'scrm-media'): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'scrm-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  })
  const { address, port } = await server.run()
  return {
    endpoint: `http://${address}:${port}`,
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    async close() {
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}
