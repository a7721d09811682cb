// The process environment (SPEC §4), read and validated once: every other module takes these values.

import { isIP } from 'node:net';
import { z } from 'zod';
import { stripBrackets } from '../lib/address-policy.ts';
import { UserError } from '../lib/errors.ts';
import { parseAllowHosts } from '../lib/http.ts';
import { parseClusterNodes, type RedisClusterSpec } from './redis-cluster.ts';

export interface VigieEnv {
  redisUrl: string;
  /** REDIS_CLUSTER_NODES: a Redis Cluster in place of the one Redis at redisUrl. */
  redisCluster?: RedisClusterSpec | undefined;
  databaseUrl: string | undefined;
  /** PostgreSQL schema to work in (VIGIE_DATABASE_SCHEMA); several instances can share a server. */
  databaseSchema: string | undefined;
  smtpUrl: string | undefined;
  configDir: string;
  dataDir: string;
  queuePrefix: string;
  allowHosts: string[];
  port: number;
  /**
   * VIGIE_WORKER_LOCK_MS: BullMQ lockDuration (stall checks every half of it) and the delivery
   * lease. A job or a delivery whose worker died is taken up again after at most one and a half
   * times this long (default 30 s; tests lower it).
   */
  workerLockMs: number | undefined;
  /**
   * VIGIE_HOST: the address `vigie run` listens on (default 127.0.0.1). On a loopback address the
   * workspace can be read without signing in; anywhere else reading needs a user too.
   */
  host?: string | undefined;
  /** VIGIE_TRUSTED_USER_HEADER: a reverse proxy's header naming the signed-in user. */
  trustedUserHeader?: string | undefined;
  /** VIGIE_TRUSTED_PROXIES: the proxy's addresses or CIDRs; the header counts only from them. */
  trustedProxies?: string[] | undefined;
}

/** An unset variable and an empty one mean the same: the default. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const urlWithProtocols = (protocols: string[], example: string) =>
  optionalText.refine(
    (value) => value === undefined || protocols.some((protocol) => value.startsWith(protocol)),
    { message: `expected a URL such as ${example}` },
  );

const integerIn = (min: number, max: number) =>
  optionalText
    .refine((value) => value === undefined || /^\d+$/.test(value), { message: 'not a number' })
    .transform((value) => (value === undefined ? undefined : Number(value)))
    .refine((value) => value === undefined || (value >= min && value <= max), {
      message: `expected a whole number from ${min} to ${max}`,
    });

const EnvSchema = z.object({
  REDIS_URL: urlWithProtocols(['redis://', 'rediss://'], 'redis://127.0.0.1:6379'),
  REDIS_CLUSTER_NODES: optionalText.transform((value, context) => {
    if (value === undefined) return undefined;
    const spec = parseClusterNodes(value);
    if (typeof spec !== 'string') return spec;
    context.issues.push({ code: 'custom', message: spec, input: value });
    return z.NEVER;
  }),
  DATABASE_URL: urlWithProtocols(['postgres://', 'postgresql://'], 'postgres://host/db'),
  VIGIE_DATABASE_SCHEMA: optionalText.refine(
    (value) => value === undefined || /^[a-z_][a-z0-9_]{0,62}$/.test(value),
    { message: 'expected a PostgreSQL schema name (a-z, 0-9, _)' },
  ),
  SMTP_URL: urlWithProtocols(['smtp://', 'smtps://'], 'smtp://user:pass@host:587'),
  VIGIE_CONFIG: optionalText,
  VIGIE_DATA_DIR: optionalText,
  // At most one pair of braces, around a Redis Cluster hash tag: `{vigie}` puts every queue in
  // one slot. Empty or unpaired braces would leave BullMQ's keys hashed apart.
  VIGIE_QUEUE_PREFIX: optionalText.refine(
    (value) => value === undefined || /^[\w.-]*(\{[\w.-]+\}[\w.-]*)?$/.test(value),
    { message: 'expected letters, digits, _ . - and at most one {hash-tag}' },
  ),
  VIGIE_ALLOW_HOSTS: optionalText,
  PORT: integerIn(0, 65_535),
  VIGIE_WORKER_LOCK_MS: integerIn(500, 3_600_000),
  VIGIE_HOST: optionalText.refine((value) => value === undefined || isListenHost(value), {
    message: 'expected an IP address such as 127.0.0.1 or 0.0.0.0, or localhost',
  }),
  VIGIE_TRUSTED_USER_HEADER: optionalText.refine(
    (value) => value === undefined || /^[A-Za-z0-9-]{1,100}$/.test(value),
    { message: 'expected a header name such as X-Forwarded-User' },
  ),
  VIGIE_TRUSTED_PROXIES: optionalText,
});

function isListenHost(value: string): boolean {
  return value === 'localhost' || isIP(stripBrackets(value)) !== 0;
}

/** Reads the environment; throws a UserError naming the first bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): VigieEnv {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new UserError(`config: ${name}: ${issue?.message ?? 'invalid value'}`);
  }
  const env = result.data;
  if (env.REDIS_URL && env.REDIS_CLUSTER_NODES)
    throw new UserError('config: REDIS_URL and REDIS_CLUSTER_NODES: set one of them, not both');
  return {
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisCluster: env.REDIS_CLUSTER_NODES,
    databaseUrl: env.DATABASE_URL,
    databaseSchema: env.VIGIE_DATABASE_SCHEMA,
    smtpUrl: env.SMTP_URL,
    configDir: env.VIGIE_CONFIG ?? 'config',
    dataDir: env.VIGIE_DATA_DIR ?? 'data',
    queuePrefix: env.VIGIE_QUEUE_PREFIX ?? 'vigie',
    allowHosts: parseAllowHosts(env.VIGIE_ALLOW_HOSTS),
    port: env.PORT ?? 8080,
    workerLockMs: env.VIGIE_WORKER_LOCK_MS,
    host: stripBrackets(env.VIGIE_HOST ?? '127.0.0.1'),
    ...readTrustedProxy(env.VIGIE_TRUSTED_USER_HEADER, env.VIGIE_TRUSTED_PROXIES),
  };
}

/** The header counts only from addresses named explicitly: anyone else could send it too. */
function readTrustedProxy(header: string | undefined, proxies: string | undefined) {
  if (header === undefined) return {};
  const addresses = parseAllowHosts(proxies);
  if (addresses.length === 0 || addresses.some((entry) => isIP(entry.split('/')[0] ?? '') === 0)) {
    throw new UserError(
      "config: VIGIE_TRUSTED_PROXIES: VIGIE_TRUSTED_USER_HEADER needs the proxy's addresses (IPs or CIDRs), e.g. 127.0.0.1",
    );
  }
  return { trustedUserHeader: header.toLowerCase(), trustedProxies: addresses };
}
