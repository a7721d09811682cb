// The environment table of SPEC §4: defaults, parsing, and one clear error naming a bad variable.
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/config/env.ts';

describe('loadEnv', () => {
  it('gives SPEC’s defaults for an empty environment (empty values count as unset)', () => {
    expect(loadEnv({ PORT: '', DATABASE_URL: ' ' })).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      databaseUrl: undefined,
      databaseSchema: undefined,
      smtpUrl: undefined,
      configDir: 'config',
      dataDir: 'data',
      queuePrefix: 'vigie',
      allowHosts: [],
      port: 8080,
      workerLockMs: undefined,
    });
  });

  it('reads every variable', () => {
    const env = loadEnv({
      REDIS_URL: 'redis://redis:6380/1',
      DATABASE_URL: 'postgres://u@db/vigie',
      VIGIE_DATABASE_SCHEMA: 'team_a',
      SMTP_URL: 'smtp://mail:25',
      VIGIE_CONFIG: '/etc/vigie',
      VIGIE_DATA_DIR: '/var/lib/vigie',
      VIGIE_QUEUE_PREFIX: 'vigie-staging',
      VIGIE_ALLOW_HOSTS: '127.0.0.1, 10.0.0.0/8,intranet.local',
      PORT: '9090',
      VIGIE_WORKER_LOCK_MS: '2000',
    });
    expect(env).toMatchObject({
      redisUrl: 'redis://redis:6380/1',
      databaseSchema: 'team_a',
      queuePrefix: 'vigie-staging',
      allowHosts: ['127.0.0.1', '10.0.0.0/8', 'intranet.local'],
      port: 9090,
      workerLockMs: 2000,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /^config: PORT: not a number$/],
    [{ PORT: '70000' }, /^config: PORT: expected a whole number from 0 to 65535$/],
    [{ REDIS_URL: 'localhost:6379' }, /^config: REDIS_URL: expected a URL such as redis:/],
    [{ DATABASE_URL: 'mysql://x' }, /^config: DATABASE_URL: /],
    [{ VIGIE_QUEUE_PREFIX: 'a:b' }, /^config: VIGIE_QUEUE_PREFIX: /],
    [{ VIGIE_DATABASE_SCHEMA: 'Drop Table' }, /^config: VIGIE_DATABASE_SCHEMA: /],
    [{ VIGIE_ALLOW_HOSTS: 'not a host!' }, /VIGIE_ALLOW_HOSTS/],
  ])('refuses %o', (source, message) => {
    expect(() => loadEnv(source)).toThrow(
      expect.objectContaining({ name: 'UserError', message: expect.stringMatching(message) }),
    );
  });
});
