import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIN_NODE_MAJOR, unsupportedNodeMessage } from '../../backend/src/lib/node-support'

const ROOT = join(import.meta.dirname, '..', '..')

describe('the supported Node version', () => {
  it('is what the test runner runs on (npm test uses the Node 24 installed in node_modules)', () => {
    expect(MIN_NODE_MAJOR).toBeGreaterThanOrEqual(24)
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(MIN_NODE_MAJOR)
  })

  it('is the one package.json engines names, and the node package pinned there satisfies it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.engines.node).toBe(`>=${MIN_NODE_MAJOR}`)
    expect(Number(pkg.devDependencies.node.split('.')[0])).toBeGreaterThanOrEqual(MIN_NODE_MAJOR)
    // npm 11 skips dependency install scripts unless allowed: without this the binary is never fetched.
    expect(pkg.allowScripts.node).toBe(true)
  })

  it('refuses an older Node with one line naming the required version and how to get it', () => {
    const message = unsupportedNodeMessage('v20.20.2', '/usr/bin/node')
    expect(message).toMatch(/needs Node\.js 24 or later, but \/usr\/bin\/node is v20\.20\.2/)
    expect(message).toMatch(/npm start/)
    expect(message).not.toMatch(/\n/)
    expect(unsupportedNodeMessage('v23.11.0', '/x/node')).not.toBeNull()
  })

  it('accepts the pinned Node and later majors', () => {
    expect(unsupportedNodeMessage('v24.21.0', '/x/node')).toBeNull()
    expect(unsupportedNodeMessage('v26.0.0', '/x/node')).toBeNull()
  })
})
