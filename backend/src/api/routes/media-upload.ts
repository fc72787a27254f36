import { createRoute } from '@hono/zod-openapi'
import { outboundUploadDeps } from '../../media/media-services'
import { UPLOAD_VALID_MS, uploadOutboundMedia } from '../../media/outbound-upload'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, errorResponse, newRouter, z } from '../openapi'

export const MEDIA_UPLOAD_PATH = '/api/v1/media'

const uploadView = z
  .object({
    upload_id: z.string().uuid(),
    kind: z.enum(['image', 'sticker', 'audio', 'video', 'document']),
    channel_id: z.string().uuid(),
    filename: z.string().nullable(),
    /** What WhatsApp received: images as our normalised JPEG. */
    mime_type: z.string(),
    bytes: z.number().int(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    source_bytes: z.number().int(),
    expires_at: z.string().openapi({ description: 'Send before this; afterwards upload the file again' }),
  })
  .openapi('MediaUpload')

const route = createRoute({
  method: 'post',
  path: MEDIA_UPLOAD_PATH,
  tags: ['messages'],
  summary: 'Upload a file to send (photo, sticker, voice note, video, document)',
  description:
    'The file is checked against WhatsApp\'s types and sizes, kept as our copy (photos: orientation applied, metadata and location removed, JPEG under 5 MB, a thumbnail) and uploaded to Meta for the number. Send it with POST /api/v1/messages, content `{ "type": "image", "upload_id": "…" }`, from the same number within 29 days.',
  security: bearerSecurity,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z
              .instanceof(File, { message: 'a file (multipart field `file`)' })
              .openapi({ type: 'string', format: 'binary' }),
            channel_id: z
              .string()
              .uuid()
              .optional()
              .openapi({ description: "The number to send from; default the workspace's first" }),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: 'Uploaded', content: { 'application/json': { schema: uploadView } } },
    ...commonErrors,
    413: errorResponse("Over WhatsApp's size for the kind (or MEDIA_MAX_BYTES)"),
    422: errorResponse('WhatsApp refused the file (`reason` meta_refused, no_token)'),
    503: errorResponse('WhatsApp could not be reached (`reason` meta_unreachable), or media storage is off'),
  },
})

export function mediaUploadRoutes(deps: AppDeps) {
  const app = newRouter()
  const upload = deps.media && outboundUploadDeps(deps.db, deps.config, deps.media, deps.encryptionKey)
  app.openapi(route, async (c) => {
    if (!upload) throw new ApiError('not_configured', 'Media storage is not configured in this process.')
    const form = c.req.valid('form')
    const auth = c.get('auth')
    const row = await uploadOutboundMedia(upload, {
      workspaceId: auth.workspaceId,
      channelId: form.channel_id,
      bytes: new Uint8Array(await form.file.arrayBuffer()),
      mimeType: form.file.type,
      filename: form.file.name && form.file.name !== 'blob' ? form.file.name.slice(0, 240) : null,
      uploadedBy: auth.keyId,
    })
    return c.json(
      uploadView.parse({
        upload_id: row.id,
        kind: row.kind,
        channel_id: row.channelId,
        filename: row.filename,
        mime_type: row.fileMimeType,
        bytes: row.fileBytes,
        width: row.width,
        height: row.height,
        source_bytes: row.sourceBytes,
        expires_at: new Date(row.metaUploadedAt.getTime() + UPLOAD_VALID_MS).toISOString(),
      }),
      201,
    )
  })
  return app
}
