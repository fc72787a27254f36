import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiDescription, toOpenApiPath } from '../support/openapi-operations'
import { startTestRuntime, type TestRuntime } from '../support/test-runtime'

/**
 * The generated fuzz and tenant-isolation tests walk /openapi.json; this keeps that walk complete:
 * a route mounted on the app without a description fails here, so it cannot escape them.
 */
describe('the OpenAPI description lists every mounted route', () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
  })
  afterAll(async () => rt?.close())

  it('has an operation for each route the app answers, and no operation the app does not answer', async () => {
    const mounted = new Set(
      rt.app.routes
        // `ALL` entries are middleware (auth, limits) and the not-found fallback, not routes.
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${toOpenApiPath(r.path)}`),
    )
    const described = new Set((await apiDescription(rt)).operations.map((o) => `${o.method} ${o.path}`))
    expect([...mounted].filter((r) => !described.has(r)).sort()).toEqual([])
    expect([...described].filter((r) => !mounted.has(r)).sort()).toEqual([])
    expect(described.size).toBeGreaterThan(60)
  })
})
