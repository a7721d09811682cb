// Pretty log lines: one readable line per JSON entry, errors by their message, chosen by LOG_FORMAT or the terminal.
import { describe, expect, it } from 'vitest';
import { choosePretty, formatLogLine } from '../../../src/lib/log-format.ts';

describe('formatLogLine', () => {
  it('turns a JSON entry into time, level, message and fields on one line', () => {
    const json = JSON.stringify({
      level: 40,
      time: Date.parse('2024-09-01T10:11:12Z'),
      pid: 1,
      hostname: 'h',
      app: 'vigie',
      feedId: 'opex360',
      failures: 2,
      err: 'http: https://www.opex360.com/feed/: getaddrinfo ENOTFOUND www.opex360.com',
      msg: 'feed fetch failed, will retry',
    });
    expect(formatLogLine(`${json}\n`)).toBe(
      '10:11:12 WARN  feed fetch failed, will retry feedId=opex360 failures=2 ' +
        'err="http: https://www.opex360.com/feed/: getaddrinfo ENOTFOUND www.opex360.com"\n',
    );
  });

  it('shows an error object by its message, never its stack', () => {
    const json = JSON.stringify({
      level: 50,
      msg: 'boom',
      err: { message: 'bad thing', stack: 'at x\nat y' },
    });
    const line = formatLogLine(json);
    expect(line).toBe('ERROR boom err="bad thing"\n');
    expect(line.split('\n')).toHaveLength(2);
  });

  it('writes a list as its items joined by commas', () => {
    expect(
      formatLogLine(JSON.stringify({ level: 30, msg: 'vigie started', queues: ['a', 'b'] })),
    ).toBe('INFO  vigie started queues=a,b\n');
  });

  it('passes a line that is not JSON through', () => {
    expect(formatLogLine('plain text')).toBe('plain text\n');
  });
});

describe('choosePretty', () => {
  it.each([
    [undefined, true, true],
    [undefined, false, false],
    ['json', true, false],
    ['pretty', false, true],
  ] as const)('LOG_FORMAT=%s, terminal %s: %s', (format, terminal, expected) => {
    expect(choosePretty(format, terminal)).toBe(expected);
  });
});
