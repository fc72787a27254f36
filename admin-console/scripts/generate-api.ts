// `npm run generate:api -w @scrm/admin-console`: rewrites src/api/schema.d.ts from the backend's
// routes. test/console/api-types.test.ts fails when a route changed and this was not run.
import { writeFileSync } from 'node:fs'
import { API_TYPES_PATH, apiTypesSource, backendOpenApi } from './api-types'

writeFileSync(API_TYPES_PATH, await apiTypesSource(await backendOpenApi()))
process.stdout.write(`Wrote ${API_TYPES_PATH.pathname}\n`)
