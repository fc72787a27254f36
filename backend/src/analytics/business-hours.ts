import { z } from 'zod'

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

const interval = z
  .object({
    open: z.string().regex(TIME, { message: 'a time of day as HH:MM (00:00–23:59)' }),
    close: z.string().regex(TIME, { message: 'a time of day as HH:MM (00:01–24:00)' }),
  })
  .strict()
  .refine((i) => !TIME.test(i.open) || !TIME.test(i.close) || minutes(i.open) < minutes(i.close), {
    message:
      '`open` must be before `close` (a shift past midnight is two intervals: until 24:00, then from 00:00)',
    path: ['close'],
  })

const day = z
  .array(interval)
  .max(4)
  .refine(
    (list) => {
      const sorted = [...list].sort((a, b) => minutes(a.open) - minutes(b.open))
      return sorted.every((i, k) => k === 0 || minutes(i.open) >= minutes(sorted[k - 1]?.close ?? '00:00'))
    },
    { message: 'intervals of one day must not overlap' },
  )

/**
 * When the shop answers, per weekday in the workspace's time zone (locale settings): a list of
 * open intervals, empty or absent for a closed day. Response times "in business hours" count only
 * the seconds inside these intervals, so a question at 22:00 answered at 09:05 the next morning
 * waited five minutes of business time. Times are wall-clock local times: on a daylight-saving
 * day an interval is as long as the clock says it is (09:00–18:00 is eight hours on the day the
 * clocks go forward at 02:00 only when the interval spans 02:00).
 */
export const businessHoursSchema = z
  .object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, day.optional()])) as Record<
      Weekday,
      z.ZodOptional<typeof day>
    >,
  )
  .strict()

export type BusinessHours = z.infer<typeof businessHoursSchema>
