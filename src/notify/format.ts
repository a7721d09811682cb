// The small safe formatters of mail and webhook content: HTML escaping, header-safe text, links, times.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

// CR, LF and every other control or line-separator character: one of them in a header starts
// a new header (Bcc: …) or breaks the message (RFC 5322 §2.2).
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;

/** One line of plain text fit for a mail header or a one-line label: controls become spaces. */
export function singleLine(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The URL if it is http(s), else undefined: `javascript:` and `data:` links never reach a mail. */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** `2026-03-29 08:00 CEST`: a date and time in `timeZone`, with its abbreviation. */
export function formatTime(date: Date, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** `1 story`, `3 stories`. */
export function countOf(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/**
 * `2024-09-01 11:12 CEST (UTC+02:00)`: `formatTime` with the offset from UTC, which an abbreviation
 * alone does not give a reader in another zone; `2024-09-01 09:12 UTC` in UTC itself.
 */
export function formatTimeWithOffset(date: Date, timeZone = 'UTC'): string {
  const shown = formatTime(date, timeZone);
  if (shown.endsWith(' UTC')) return shown;
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value;
  const utc = offset === 'GMT' ? 'UTC+00:00' : (offset ?? '').replace(/^GMT/, 'UTC');
  // Zones without an abbreviation in en-GB read `GMT+3`: the offset alone says it.
  const abbreviation = shown.slice(shown.lastIndexOf(' ') + 1);
  if (abbreviation.startsWith('GMT')) return `${shown.slice(0, shown.lastIndexOf(' '))} ${utc}`;
  return `${shown} (${utc})`;
}
