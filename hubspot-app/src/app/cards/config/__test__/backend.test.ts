import { describe, expect, it } from 'vitest'
import { validateConfig } from '../backend'

describe('card config', () => {
  it('accepts an https URL and drops a trailing slash', () => {
    expect(validateConfig({ backendUrl: 'https://api.example.com/scrm/' })).toEqual({
      success: true,
      data: { backendUrl: 'https://api.example.com/scrm' },
    })
  })

  it.each(['http://api.example.com', 'https://localhost:3000', 'not a url'])('refuses %s', (backendUrl) => {
    const result = validateConfig({ backendUrl })
    expect(result.success).toBe(false)
  })

  it('the built-in constant is valid', () => {
    expect(validateConfig().success).toBe(true)
  })
})
