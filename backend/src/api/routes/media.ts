import { createRoute } from '@hono/zod-openapi'
import { readSignedMedia } from '../../media/read-media'
import { MEDIA_VARIANTS } from '../../media/signed-url'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { errorResponse, newRouter, z } from '../openapi'

const route = createRoute({
  method: 'get',
  path: '/media/{id}/{variant}',
  tags: ['media'],
  summary: 'Our copy of a media file, through a short-lived signed link',
  description:
    'Links come from the thread view (`media.url`, `media.thumbnail_url`); they carry their own expiry and HMAC, so no API key is needed, and they stop working after MEDIA_URL_TTL_SECONDS.',
  request: {
    params: z.object({ id: z.string().uuid(), variant: z.enum(MEDIA_VARIANTS) }),
    query: z.object({
      exp: z.coerce.number().int().min(0).max(99_999_999_999),
      sig: z.string().min(1).max(64),
    }),
  },
  responses: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    400: errorResponse('Invalid link'),
    403: errorResponse('Link invalid or expired'),
    404: errorResponse('No such file'),
    503: errorResponse('Media is not served by this process'),
  },
})

export function mediaRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(route, async (c) => {
    if (!deps.media) throw new ApiError('not_configured', 'Media storage is not configured in this process.')
    const { id, variant } = c.req.valid('param')
    const { exp, sig } = c.req.valid('query')
    const file = await readSignedMedia(deps.db, deps.media, { id, variant, exp, sig })
    const maxAge = Math.max(0, Math.floor((file.expiresAt - Date.now()) / 1000))
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': file.inline ? file.contentType : 'application/octet-stream',
      'content-length': String(file.bytes.byteLength),
      'content-disposition': file.inline ? 'inline' : `attachment; filename="${id}"`,
      'cache-control': `private, max-age=${maxAge}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'referrer-policy': 'no-referrer',
    }) as never
  })
  return app
}
