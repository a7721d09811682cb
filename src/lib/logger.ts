// Structured logging: a fixed sentence plus ids, JSON on stderr so stdout stays for command output.
import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'vigie' } }, pino.destination(2));
}
