// Structured logging: a fixed sentence plus ids, JSON on stderr so stdout stays for command output.
import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'vigie' } }, pino.destination(2));
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
