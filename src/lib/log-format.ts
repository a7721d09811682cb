// Pretty log lines for a terminal: `12:03:04 WARN  feed fetch failed, will retry feedId=x err="…"` from pino's JSON. Pure.

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};

/** Fields every line carries that a reader at a terminal does not need. */
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'app']);

/** One readable line from one JSON log line; a line that is not JSON is passed through. */
export function formatLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time =
    typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 19) : '';
  const level = LEVELS[Number(entry.level)] ?? String(entry.level ?? '');
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  return `${[time, level, String(entry.msg ?? ''), ...fields].filter(Boolean).join(' ')}\n`;
}

/** Plain words stay bare; anything with spaces or quotes is quoted; an error keeps its message. */
function formatValue(value: unknown): string {
  if (value !== null && typeof value === 'object' && 'message' in value) {
    return formatValue((value as { message: unknown }).message);
  }
  if (Array.isArray(value)) return formatValue(value.map((item) => String(item)).join(','));
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^[\w.,:/@+-]+$/.test(text) ? text : JSON.stringify(text);
}

/** LOG_FORMAT (`pretty` or `json`) when set, else pretty on a terminal and JSON otherwise. */
export function choosePretty(format: string | undefined, isTerminal: boolean): boolean {
  if (format === 'pretty') return true;
  if (format === 'json') return false;
  return isTerminal;
}
