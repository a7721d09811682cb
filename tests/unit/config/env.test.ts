// The environment table of SPEC §4: defaults, parsing, and one clear error naming a bad variable.
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/config/env.ts';

describe('loadEnv', () => {
  it('gives SPEC’s defaults for an empty environment (empty values count as unset)', () => {
    expect(loadEnv({ PORT: '', DATABASE_URL: ' ' })).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      redisCluster: undefined,
      databaseUrl: undefined,
      databaseSchema: undefined,
      smtpUrl: undefined,
      configDir: 'config',
      dataDir: 'data',
      queuePrefix: 'vigie',
      allowHosts: [],
      host: '127.0.0.1',
      port: 8080,
      workerLockMs: undefined,
    });
  });

  it('reads where to listen and a trusted proxy, its header only with its addresses', () => {
    expect(loadEnv({ VIGIE_HOST: '[::]' }).host).toBe('::');
    const env = loadEnv({
      VIGIE_HOST: '0.0.0.0',
      VIGIE_TRUSTED_USER_HEADER: 'X-Forwarded-User',
      VIGIE_TRUSTED_PROXIES: '127.0.0.1, 10.1.0.0/16',
    });
    expect(env).toMatchObject({
      host: '0.0.0.0',
      trustedUserHeader: 'x-forwarded-user',
      trustedProxies: ['127.0.0.1', '10.1.0.0/16'],
    });
    expect(loadEnv({ VIGIE_TRUSTED_PROXIES: '127.0.0.1' }).trustedUserHeader).toBeUndefined();
  });

  it('reads every variable', () => {
    const env = loadEnv({
      REDIS_URL: 'redis://redis:6380/1',
      DATABASE_URL: 'postgres://u@db/vigie',
      VIGIE_DATABASE_SCHEMA: 'team_a',
      SMTP_URL: 'smtp://mail:25',
      VIGIE_CONFIG: '/etc/vigie',
      VIGIE_DATA_DIR: '/var/lib/vigie',
      VIGIE_QUEUE_PREFIX: '{vigie}-staging',
      VIGIE_ALLOW_HOSTS: '127.0.0.1, 10.0.0.0/8,intranet.local',
      PORT: '9090',
      VIGIE_WORKER_LOCK_MS: '2000',
    });
    expect(env).toMatchObject({
      redisUrl: 'redis://redis:6380/1',
      databaseSchema: 'team_a',
      queuePrefix: '{vigie}-staging',
      allowHosts: ['127.0.0.1', '10.0.0.0/8', 'intranet.local'],
      port: 9090,
      workerLockMs: 2000,
    });
  });

  it('reads a Redis Cluster: seed nodes, and credentials and TLS written once for all', () => {
    expect(
      loadEnv({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-2:7001,[::1]:7002' }),
    ).toMatchObject({
      redisCluster: {
        nodes: [
          { host: '10.0.0.1', port: 7000 },
          { host: 'redis-2', port: 7001 },
          { host: '::1', port: 7002 },
        ],
        username: undefined,
        password: undefined,
        tls: false,
      },
    });
    const secure = loadEnv({
      REDIS_CLUSTER_NODES: 'rediss://vigie:s%40cret@r1:6380,rediss://r2:6380',
    });
    expect(secure.redisCluster).toEqual({
      nodes: [
        { host: 'r1', port: 6380 },
        { host: 'r2', port: 6380 },
      ],
      username: 'vigie',
      password: 's@cret',
      tls: true,
    });
  });

  it.each([
    [
      { REDIS_CLUSTER_NODES: '10.0.0.1:7000,10.0.0.2' },
      /^config: REDIS_CLUSTER_NODES: entry 2 "10\.0\.0\.2": expected host:port, such as 10\.0\.0\.1:7000$/,
    ],
    [{ REDIS_CLUSTER_NODES: 'a:7000,,b:7000' }, /^config: REDIS_CLUSTER_NODES: entry 2 "": /],
    [{ REDIS_CLUSTER_NODES: 'redis://a:7000/1' }, /^config: REDIS_CLUSTER_NODES: entry 1 /],
    [{ REDIS_CLUSTER_NODES: 'a:0' }, /^config: REDIS_CLUSTER_NODES: entry 1 /],
    [{ REDIS_CLUSTER_NODES: 'rediss://a:1,redis://b:2' }, /entry 2 .*mixes redis:\/\/ and rediss:/],
    [
      { REDIS_URL: 'redis://r:6379', REDIS_CLUSTER_NODES: 'a:7000' },
      /^config: REDIS_URL and REDIS_CLUSTER_NODES: set one of them, not both$/,
    ],
    [{ PORT: 'eighty' }, /^config: PORT: not a number$/],
    [{ PORT: '70000' }, /^config: PORT: expected a whole number from 0 to 65535$/],
    [{ REDIS_URL: 'localhost:6379' }, /^config: REDIS_URL: expected a URL such as redis:/],
    [{ DATABASE_URL: 'mysql://x' }, /^config: DATABASE_URL: /],
    [{ VIGIE_QUEUE_PREFIX: 'a:b' }, /^config: VIGIE_QUEUE_PREFIX: /],
    [{ VIGIE_QUEUE_PREFIX: 'a{}b' }, /^config: VIGIE_QUEUE_PREFIX: .*one \{hash-tag\}$/],
    [{ VIGIE_QUEUE_PREFIX: '{a}{b}' }, /^config: VIGIE_QUEUE_PREFIX: /],
    [{ VIGIE_QUEUE_PREFIX: 'a}b{' }, /^config: VIGIE_QUEUE_PREFIX: /],
    [{ VIGIE_DATABASE_SCHEMA: 'Drop Table' }, /^config: VIGIE_DATABASE_SCHEMA: /],
    [{ VIGIE_ALLOW_HOSTS: 'not a host!' }, /VIGIE_ALLOW_HOSTS/],
    [{ VIGIE_HOST: 'example.org' }, /^config: VIGIE_HOST: expected an IP address/],
    [{ VIGIE_TRUSTED_USER_HEADER: 'X User' }, /^config: VIGIE_TRUSTED_USER_HEADER: /],
    [
      { VIGIE_TRUSTED_USER_HEADER: 'X-Forwarded-User' },
      /^config: VIGIE_TRUSTED_PROXIES: VIGIE_TRUSTED_USER_HEADER needs the proxy's addresses/,
    ],
    [
      { VIGIE_TRUSTED_USER_HEADER: 'X-User', VIGIE_TRUSTED_PROXIES: 'proxy.local' },
      /^config: VIGIE_TRUSTED_PROXIES: /,
    ],
  ])('refuses %o', (source, message) => {
    expect(() => loadEnv(source)).toThrow(
      expect.objectContaining({ name: 'UserError', message: expect.stringMatching(message) }),
    );
  });
});
