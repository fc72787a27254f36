import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { API_TYPES_PATH, apiTypesSource, backendOpenApi } from '../../admin-console/scripts/api-types'

/**
 * The console's API client is typed from the backend's description: a route changed without
 * `npm run generate:api -w @scrm/admin-console` fails here, before the console calls it wrongly.
 */
describe("the admin console's generated API types", () => {
  it('match what the backend describes today', async () => {
    const fresh = await apiTypesSource(await backendOpenApi())
    expect(
      readFileSync(API_TYPES_PATH, 'utf8') === fresh,
      'run npm run generate:api -w @scrm/admin-console',
    ).toBe(true)
    // Loading the whole backend to describe it takes seconds alone, and many more beside other suites.
  }, 120_000)
})
