import { type CloudApiSimulator, startCloudApiSimulator } from '../simulators/whatsapp/cloud-api'
import type { NumberRef } from '../simulators/whatsapp/envelopes'
import { TEST_ENV, TEST_WHATSAPP_TOKEN } from './test-runtime'

/**
 * A simulated Meta account holding `numbers`, whose System User token is TEST_WHATSAPP_TOKEN: what a
 * runtime started outside startTestRuntime (benchmarks, spawned servers) points WHATSAPP_GRAPH_URL
 * at, so registering the numbers proves their ownership as it does against Meta.
 */
export function startMetaAccount(numbers: NumberRef[]): Promise<CloudApiSimulator> {
  return startCloudApiSimulator({
    appSecret: TEST_ENV.WHATSAPP_APP_SECRET,
    accessTokens: [TEST_WHATSAPP_TOKEN],
    numbers: numbers.map((n) => ({ ...n, tierLimit: null })),
  })
}
