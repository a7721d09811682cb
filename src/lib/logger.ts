// Structured logging: a fixed sentence plus ids on stderr (stdout stays for command output), JSON or pretty on a terminal.
import { type DestinationStream, type Logger, pino } from 'pino';
import { choosePretty, formatLogLine } from './log-format.ts';

export type { Logger };

/** JSON lines, or one readable line per entry when stderr is a terminal (LOG_FORMAT forces either). */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const pretty = choosePretty(process.env.LOG_FORMAT, process.stderr.isTTY === true);
  return pino({ level, base: { app: 'vigie' } }, pretty ? prettyStderr() : pino.destination(2));
}

function prettyStderr(): DestinationStream {
  return { write: (line: string) => void process.stderr.write(formatLogLine(line)) };
}

export type RepeatedLevel = 'warn' | 'error';

/** Logs one error that may repeat many times a second: `key` names its cause. */
export type RepeatedLog = (
  level: RepeatedLevel,
  key: string,
  fields: Record<string, unknown>,
  msg: string,
) => void;

/** How often a repeating error is logged at most, by default. */
export const REPEAT_INTERVAL_MS = 1_000;

interface Window {
  held: number;
  level: RepeatedLevel;
  fields: Record<string, unknown>;
  msg: string;
}

/**
 * Summarises errors that repeat (every reconnection attempt of every Redis connection, every job
 * failing while PostgreSQL is away): the first of a key is logged at once; those within the
 * next `intervalMs` are counted and logged as one line with `repeated: N` when the interval ends,
 * and so on while they go on. At most one line per key and interval, and no count is lost.
 */
export function summariseRepeats(log: Logger, intervalMs = REPEAT_INTERVAL_MS): RepeatedLog {
  const windows = new Map<string, Window>();
  const close = (key: string) => {
    const window = windows.get(key);
    if (!window || window.held === 0) {
      windows.delete(key);
      return;
    }
    log[window.level]({ ...window.fields, repeated: window.held }, window.msg);
    window.held = 0;
    schedule(key);
  };
  const schedule = (key: string) => setTimeout(() => close(key), intervalMs).unref();
  return (level, key, fields, msg) => {
    const window = windows.get(key);
    if (window) {
      Object.assign(window, { held: window.held + 1, level, fields, msg });
      return;
    }
    log[level](fields, msg);
    windows.set(key, { held: 0, level, fields, msg });
    schedule(key);
  };
}
