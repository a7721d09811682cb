import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { summariseRepeats } from '../../../src/lib/logger.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: pino({ base: null, timestamp: false }, stream) };
}

describe('summariseRepeats', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('logs the first of a cause at once, then one line per interval with the count held back', async () => {
    const { lines, log } = capture();
    const repeated = summariseRepeats(log, 1_000);
    for (let i = 0; i < 50; i++)
      repeated('warn', 'redis:refused', { n: i }, 'redis connection error');
    expect(lines).toEqual([{ level: 40, n: 0, msg: 'redis connection error' }]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(lines[1]).toEqual({ level: 40, n: 49, repeated: 49, msg: 'redis connection error' });
    // Quiet for an interval: the cause is forgotten, and its next occurrence is logged at once.
    await vi.advanceTimersByTimeAsync(1_000);
    repeated('warn', 'redis:refused', { n: 50 }, 'redis connection error');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toEqual({ level: 40, n: 50, msg: 'redis connection error' });
  });

  it('keeps causes apart', () => {
    const { lines, log } = capture();
    const repeated = summariseRepeats(log, 1_000);
    repeated('error', 'worker:a', {}, 'worker error');
    repeated('error', 'worker:b', {}, 'worker error');
    repeated('error', 'worker:a', {}, 'worker error');
    expect(lines).toHaveLength(2);
  });
});
