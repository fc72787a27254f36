import { describe, expect, it } from 'vitest'
import { type DutyClock, DutyCycle } from '../../backend/src/lib/duty-cycle'

/** A clock the test moves: work advances it, and each rest is recorded (and advances it too). */
function fakeClock(): DutyClock & { work(ms: number): void; rests: number[] } {
  let now = 1_000
  const rests: number[] = []
  return {
    now: () => now,
    async sleep(ms) {
      rests.push(ms)
      now += ms
    },
    work(ms) {
      now += ms
    },
    rests,
  }
}

describe('DutyCycle', () => {
  it('rests as long as it worked at a half share, three times as long at a quarter', async () => {
    const clock = fakeClock()
    const half = new DutyCycle(0.5, 0, clock)
    clock.work(60)
    await half.rest()
    const quarter = new DutyCycle(0.25, 0, clock)
    clock.work(30)
    await quarter.rest()
    expect(clock.rests).toEqual([60, 90])
  })

  it('counts only the work since the last rest', async () => {
    const clock = fakeClock()
    const cycle = new DutyCycle(0.5, 0, clock)
    clock.work(80)
    await cycle.rest()
    clock.work(5)
    await cycle.rest()
    expect(clock.rests).toEqual([80, 5])
  })

  it('at a full share rests only the minimum; under a millisecond it only yields', async () => {
    const clock = fakeClock()
    const full = new DutyCycle(1, 20, clock)
    clock.work(30)
    await full.rest()
    const none = new DutyCycle(1, 0, clock)
    clock.work(30)
    await none.rest()
    expect(clock.rests).toEqual([20])
  })

  it('rests on the real clock', async () => {
    const cycle = new DutyCycle(0.5)
    const end = performance.now() + 30
    while (performance.now() < end);
    const t0 = performance.now()
    await cycle.rest()
    // A lower bound only: a busy machine may make a rest longer, never shorter.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(28)
  })

  it('refuses a share outside (0, 1]', () => {
    for (const share of [0, -0.5, 1.5, Number.NaN]) expect(() => new DutyCycle(share)).toThrow(RangeError)
  })
})
