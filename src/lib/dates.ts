// Publication dates as feeds and pages write them (ISO 8601, RFC 822), to UTC; anything else is no date.

/** ISO 8601 / RFC 3339, date only or date-time, with or without offset. */
const ISO_DATE =
  /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d(?::?\d\d)?)?)?$/i;
/** RFC 822 / 2822 as RSS 2.0 uses it: `Sun, 01 Sep 2024 08:30:00 +0000`, obsolete zone names included. */
const RFC_822_DATE =
  /^(?:[a-z]{3},?\s*)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}\s+\d{1,2}:\d\d(?::\d\d)?\s*(?:[+-]\d{4}|[a-z]{1,5})?$/i;

/**
 * The instant `value` names, or null. V8's Date.parse also guesses at free text ("dimanche 1
 * septembre 2024" becomes some day in 2024), so only the two formats above are read. A date-time
 * without offset is taken as UTC, so that the result does not depend on the host's time zone.
 */
export function parseDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string') return null;
  let text = value.trim();
  if (ISO_DATE.test(text)) {
    text = text.replace(' ', 'T').replace(',', '.');
    if (/T\d\d:\d\d(:\d\d(\.\d+)?)?$/i.test(text)) text += 'Z';
  } else if (!RFC_822_DATE.test(text)) {
    return null;
  }
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time);
}

/** parseDate as an ISO string, kept only between 1990 and 2100 (a year 1 or 9999 is a placeholder). */
export function normaliseDate(value: unknown): string | null {
  const date = parseDate(value);
  if (!date) return null;
  const year = date.getUTCFullYear();
  return year >= 1990 && year <= 2100 ? date.toISOString() : null;
}
