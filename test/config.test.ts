import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../backend/src/config'

describe('parseConfig', () => {
  it('gives a newcomer working defaults with no environment at all', () => {
    const config = parseConfig({})
    expect(config).toMatchObject({ PORT: 3000, DATABASE_DRIVER: 'auto', WHATSAPP_API_VERSION: 'v23.0' })
    expect(config.DATABASE_URL).toBeUndefined()
    expect(config.WHATSAPP_GRAPH_URL).toBe('https://graph.facebook.com')
  })

  it('names every bad variable without echoing its value', () => {
    try {
      parseConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://secret-host/db',
        ENCRYPTION_KEY: 'short-secret-value',
      })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      const message = (error as ConfigError).message
      expect(message).toMatch(/PORT/)
      expect(message).toMatch(/DATABASE_URL must be a postgres:\/\//)
      expect(message).toMatch(/ENCRYPTION_KEY must be 32 bytes/)
      expect(message).not.toContain('secret-host')
      expect(message).not.toContain('short-secret-value')
    }
  })

  it('requires the secrets in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(
      /ENCRYPTION_KEY is required in production[\s\S]*WHATSAPP_APP_SECRET is required/,
    )
  })

  it('accepts a 32-byte key as hex or base64 and decodes it', () => {
    expect(parseConfig({ ENCRYPTION_KEY: 'ab'.repeat(32) }).ENCRYPTION_KEY?.length).toBe(32)
    expect(
      parseConfig({ ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') }).ENCRYPTION_KEY?.equals(
        Buffer.alloc(32, 7),
      ),
    ).toBe(true)
  })
})
