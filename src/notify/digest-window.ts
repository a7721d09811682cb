// Which period a digest run covers: from the last run's end to the latest scheduled time, in the digest's time zone.
import { CronExpressionParser } from 'cron-parser';

export interface DigestPeriodInput {
  cron: string;
  /** IANA zone the cron is read in: `0 8 * * *` is 08:00 there, summer and winter. */
  timezone: string;
  now: Date;
  /** The end of the last period sent (the digest's watermark), if any. */
  lastPeriodEnd?: Date | null | undefined;
}

export interface DigestPeriod {
  start: Date;
  end: Date;
}

/**
 * The period the digest covers at `now`: it ends at the latest scheduled time ≤ now and starts at
 * the watermark, or one schedule step before its end the first time. Undefined when the watermark
 * already reaches that end (this run was done). Consecutive runs neither overlap nor leave gaps,
 * and across a DST change a daily period is 23 or 25 hours, as the wall clock says.
 */
export function digestPeriod(input: DigestPeriodInput): DigestPeriod | undefined {
  const end = previousFire(input.cron, input.timezone, input.now, true);
  const start = input.lastPeriodEnd ?? previousFire(input.cron, input.timezone, end, false);
  if (start.getTime() >= end.getTime()) return undefined;
  return { start, end };
}

/** The latest fire time before `at` (or at it, when `inclusive`). */
function previousFire(cron: string, timezone: string, at: Date, inclusive: boolean): Date {
  // prev() looks strictly before currentDate; cron's finest unit is the second.
  const from = inclusive ? new Date(Math.floor(at.getTime() / 1000) * 1000 + 1000) : at;
  try {
    const expression = CronExpressionParser.parse(cron, { tz: timezone, currentDate: from });
    return expression.prev().toDate();
  } catch (error) {
    throw new Error(`notify: cannot schedule digest with cron "${cron}" in ${timezone}`, {
      cause: error,
    });
  }
}
