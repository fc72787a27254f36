import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEnv } from 'node:util'
import { describe, expect, it } from 'vitest'
import { envSchema, parseConfig } from '../backend/src/config'

/** backend/.env.example is what a newcomer copies: it must start as is and name only real settings. */
describe('backend/.env.example', () => {
  const example = parseEnv(readFileSync(join(import.meta.dirname, '../backend/.env.example'), 'utf8'))

  it('is a valid configuration copied unchanged (empty values are unset)', () => {
    expect(() => parseConfig(example)).not.toThrow()
    expect(parseConfig(example).PORT).toBe(3000)
  })

  it('names only settings the server reads', () => {
    const known = new Set(Object.keys(envSchema.shape))
    expect(Object.keys(example).filter((name) => !known.has(name))).toEqual([])
    expect(Object.keys(example)).toEqual(expect.arrayContaining(['ADMIN_API_KEY', 'WHATSAPP_APP_SECRET']))
  })
})
