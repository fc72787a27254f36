import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../support/test-db'
import { startTestRuntime, type TestRuntime } from '../support/test-runtime'

describe.each(ENGINES)('linking a CRM account (%s)', (engine) => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime(engine)
  })
  afterAll(async () => {
    await rt?.close()
  })

  it('refuses a CRM that has no registered provider, naming the ones that are', async () => {
    const res = await rt.api('/api/v1/connections', {
      method: 'POST',
      json: { provider: 'pipedrive', account_id: 'pipedrive-4711' },
    })
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.code).toBe('validation_failed')
    expect(error.message).toBe(
      '"pipedrive" is not a CRM this server can connect; registered providers: hubspot, salesforce, zoho.',
    )
    expect(error.details).toEqual([
      { path: 'provider', message: 'must be one of: hubspot, salesforce, zoho' },
    ])
    const listed = await (await rt.api('/api/v1/connections')).json()
    expect(listed.connections).toEqual([])
  })

  it('links an account of a registered CRM', async () => {
    const res = await rt.api('/api/v1/connections', {
      method: 'POST',
      json: { provider: 'hubspot', account_id: '62515' },
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ provider: 'hubspot', account_id: '62515' })
  })
})
