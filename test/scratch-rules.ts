import { NUMBER_A, registerChannel, startTestRuntime } from './support/test-runtime'
const rt = await startTestRuntime('pglite')
await registerChannel(rt, NUMBER_A)
for (const json of [
  { key: 'x', name: 'x', conditions: { all: [{ type: 'message', match: { text: { regex: 'preço' } } }] }, actions: [{ type: 'add_tag', tag: 'a' }] },
  { key: 'x', name: 'x', conditions: { all: [{ type: 'count', match: { intents: ['quote'] }, window: { days: 7 }, op: 'more', value: 3 }] }, actions: [{ type: 'add_tag', tag: 'a' }] },
  { key: 'x', name: 'x', conditions: { all: [{ type: 'tag', tag: 'a' }] }, actions: [{ type: 'send_quick_reply' }] },
  { key: 'x', name: 'x', conditions: { all: [{ type: 'frobnicate' }] }, actions: [{ type: 'add_tag', tag: 'a' }] },
]) {
  const res = await rt.api('/api/v1/rules', { method: 'POST', json })
  console.log(res.status, JSON.stringify((await res.json()).error.message))
}
const doc = await (await rt.request('/openapi.json')).json()
console.log(Object.keys(doc.paths).filter((p) => p.includes('rules')))
await rt.close()
