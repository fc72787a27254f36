import { describe, expect, it } from 'vitest'
import {
  budgetOf,
  monthOf,
  monthProgress,
  monthStart,
  previousMonth,
  projectedOverBudget,
  projectMonth,
} from '../../../backend/src/crm/storage/storage-month'

const DAY = 86_400_000

describe('the storage budget calendar and projection', () => {
  it('takes the month in the workspace time zone, not UTC', () => {
    // 02:00 UTC on 1 December is still 30 November, 23:00, in São Paulo (UTC-3).
    expect(monthOf(new Date('2026-12-01T02:00:00Z'), 'America/Sao_Paulo')).toBe('2026-11')
    expect(monthOf(new Date('2026-12-01T02:00:00Z'), 'UTC')).toBe('2026-12')
    // 16:00 UTC on 30 November is already 1 December, 01:00, in Tokyo (UTC+9).
    expect(monthOf(new Date('2026-11-30T16:00:00Z'), 'Asia/Tokyo')).toBe('2026-12')
    expect(previousMonth('2027-01')).toBe('2026-12')
    expect(previousMonth('2026-12')).toBe('2026-11')
  })

  it('starts a month at local midnight, across daylight-saving changes', () => {
    expect(monthStart('2026-12', 'America/Sao_Paulo').toISOString()).toBe('2026-12-01T03:00:00.000Z')
    expect(monthStart('2026-12', 'Asia/Tokyo').toISOString()).toBe('2026-11-30T15:00:00.000Z')
    // New York is on EST (UTC-5) on 1 March and on EDT (UTC-4) on 1 April.
    expect(monthStart('2026-03', 'America/New_York').toISOString()).toBe('2026-03-01T05:00:00.000Z')
    expect(monthStart('2026-04', 'America/New_York').toISOString()).toBe('2026-04-01T04:00:00.000Z')
    const march = monthProgress(new Date('2026-03-16T05:00:00Z'), 'America/New_York')
    // March in New York is one hour short of 31 days (the clocks go forward on the 8th).
    expect(march).toMatchObject({ month: '2026-03', lengthMs: 31 * DAY - 3_600_000 })
  })

  it("projects the month at the rate so far; on a month's first day at least a whole day counts as gone", () => {
    const december = { lengthMs: 31 * DAY }
    expect(projectMonth(100, { ...december, elapsedMs: 31 * DAY })).toBe(100)
    expect(projectMonth(100, { ...december, elapsedMs: 15.5 * DAY })).toBe(200)
    // A minute after midnight on the 1st: a day's rate, not a minute's.
    expect(projectMonth(100, { ...december, elapsedMs: 60_000 })).toBe(3_100)
    const firstMinute = monthProgress(new Date('2026-12-01T03:01:00Z'), 'America/Sao_Paulo')
    expect(firstMinute).toMatchObject({ month: '2026-12', elapsedMs: 60_000 })
    expect(projectMonth(100, firstMinute)).toBe(3_100)
  })

  it('exactly 5 % is not over the budget; one unit more is', () => {
    const capacity = 1_000_000
    expect(budgetOf(capacity, 500)).toBe(50_000)
    const end = { lengthMs: 30 * DAY, elapsedMs: 30 * DAY }
    expect(projectedOverBudget(50_000, end, capacity, 500)).toBe(false)
    expect(projectedOverBudget(50_001, end, capacity, 500)).toBe(true)
    // Half-way through a 30-day month, 25,000 projects to exactly 50,000.
    const half = { lengthMs: 30 * DAY, elapsedMs: 15 * DAY }
    expect(projectedOverBudget(25_000, half, capacity, 500)).toBe(false)
    expect(projectedOverBudget(25_001, half, capacity, 500)).toBe(true)
    // On the first day a day's use of 1/30 of the budget is exactly on budget.
    const firstHour = { lengthMs: 30 * DAY, elapsedMs: 3_600_000 }
    expect(projectedOverBudget(1_666, firstHour, 1_000_000, 500)).toBe(false)
    expect(projectedOverBudget(1_667, firstHour, 1_000_000, 500)).toBe(true)
  })

  it('stays exact for a Salesforce-sized capacity in bytes', () => {
    const tenGb = 10 * 1024 ** 3
    const budget = budgetOf(tenGb, 500)
    const end = { lengthMs: 31 * DAY, elapsedMs: 31 * DAY }
    expect(projectedOverBudget(budget, end, tenGb, 500)).toBe(false)
    expect(projectedOverBudget(budget + 1, end, tenGb, 500)).toBe(true)
  })
})
