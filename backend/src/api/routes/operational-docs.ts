import type { OpenAPIHono } from '@hono/zod-openapi'
import { errorResponse, z } from '../openapi'

/**
 * The routes served outside `app.openapi` (plain handlers: probes, the scrape, the description
 * itself), described here so /openapi.json lists every route the server answers — the generated
 * fuzz and tenant-isolation tests walk that list, and a test fails when a mounted route is missing.
 */
export function describeOperationalRoutes(registry: OpenAPIHono['openAPIRegistry']): void {
  const json = (schema: z.ZodType) => ({ 'application/json': { schema } })
  registry.registerPath({
    method: 'get',
    path: '/healthz',
    tags: ['operations'],
    summary: 'Liveness: the process answers',
    responses: { 200: { description: 'Alive', content: json(z.object({ status: z.literal('ok') })) } },
  })
  const readiness = z.object({
    status: z.enum(['ready', 'not_ready']),
    driver: z.string(),
    checks: z.object({ database: z.boolean(), migrations: z.boolean(), workers: z.boolean() }),
    stalled_workers: z.array(z.string()),
  })
  registry.registerPath({
    method: 'get',
    path: '/readyz',
    tags: ['operations'],
    summary: 'Readiness: database reachable, migrations applied, background loops ticking',
    responses: {
      200: { description: 'Ready', content: json(readiness) },
      503: { description: 'Not ready (which check failed is in `checks`)', content: json(readiness) },
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    tags: ['operations'],
    summary: 'Prometheus metrics (Authorization: Bearer $METRICS_TOKEN)',
    responses: {
      200: { description: 'Prometheus text format', content: { 'text/plain': { schema: z.string() } } },
      401: errorResponse('Missing or wrong metrics token'),
      404: errorResponse('Metrics are served on METRICS_PORT instead'),
      503: errorResponse('Metrics are off (neither METRICS_TOKEN nor METRICS_PORT set)'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/openapi.json',
    tags: ['operations'],
    summary: 'This description (OpenAPI 3.1)',
    responses: { 200: { description: 'The document', content: json(z.record(z.string(), z.unknown())) } },
  })
  registry.registerPath({
    method: 'get',
    path: '/',
    tags: ['operations'],
    summary: 'Leads to the admin console',
    responses: { 302: { description: 'Redirect to /admin' } },
  })
  const consolePage = {
    200: { description: 'The console page', content: { 'text/html': { schema: z.string() } } },
    503: errorResponse('The console is not built'),
  }
  registry.registerPath({
    method: 'get',
    path: '/admin',
    tags: ['admin console'],
    summary: 'The admin console (sign in with an admin API key)',
    responses: consolePage,
  })
  registry.registerPath({
    method: 'get',
    path: '/admin/{page}',
    tags: ['admin console'],
    summary: 'A page of the console: the same single-page app, which opens the page its address names',
    request: { params: z.object({ page: z.string() }) },
    responses: consolePage,
  })
  registry.registerPath({
    method: 'get',
    path: '/admin/assets/{file}',
    tags: ['admin console'],
    summary: "The console's scripts and styles (content-hashed names, cached for a year)",
    request: { params: z.object({ file: z.string() }) },
    responses: {
      200: {
        description: 'The file',
        content: { 'text/javascript': { schema: z.string() }, 'text/css': { schema: z.string() } },
      },
      404: errorResponse('No such asset'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/docs/assets/swagger-ui-dist/{file}',
    tags: ['operations'],
    summary: "The documentation page's own files (served locally: /docs works offline)",
    request: { params: z.object({ file: z.enum(['swagger-ui.css', 'swagger-ui-bundle.js']) }) },
    responses: {
      200: {
        description: 'The file',
        content: { 'text/css': { schema: z.string() }, 'text/javascript': { schema: z.string() } },
      },
      404: errorResponse('No such asset'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/docs',
    tags: ['operations'],
    summary: 'A browsable page of this description',
    responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } },
  })
}
