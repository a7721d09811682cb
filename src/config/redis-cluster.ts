// REDIS_CLUSTER_NODES: the seed nodes of a Redis Cluster, with the credentials and TLS all nodes share.

/** What vigie needs to reach a Redis Cluster; ioredis discovers the other nodes from these. */
export interface RedisClusterSpec {
  nodes: { host: string; port: number }[];
  username: string | undefined;
  password: string | undefined;
  tls: boolean;
}

const SCHEME = /^rediss?:\/\//;

/**
 * Parses `host:port,host:port` (or `redis://user:pass@host:port`, `rediss://…` entries); returns
 * the spec, or a one-line reason naming the entry. Credentials are written once, on any entry,
 * and hold for every node; the entries' schemes must agree (all TLS or none).
 */
export function parseClusterNodes(text: string): RedisClusterSpec | string {
  const entries = text.split(',').map((entry) => entry.trim());
  const spec: RedisClusterSpec = {
    nodes: [],
    username: undefined,
    password: undefined,
    tls: false,
  };
  for (const [index, entry] of entries.entries()) {
    const url = parseEntry(entry);
    if (!url) return `entry ${index + 1} "${entry}": expected host:port, such as 10.0.0.1:7000`;
    const tls = url.protocol === 'rediss:';
    if (index > 0 && tls !== spec.tls)
      return `entry ${index + 1} "${entry}": mixes redis:// and rediss:// (all nodes use TLS or none do)`;
    spec.tls = tls;
    spec.username ??= url.username ? decodeURIComponent(url.username) : undefined;
    spec.password ??= url.password ? decodeURIComponent(url.password) : undefined;
    spec.nodes.push({ host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(url.port) });
  }
  return spec;
}

function parseEntry(entry: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(SCHEME.test(entry) ? entry : `redis://${entry}`);
  } catch {
    return undefined;
  }
  const bare = url.pathname === '' || url.pathname === '/';
  if (!url.hostname || !(Number(url.port) > 0) || !bare || url.search || url.hash) return undefined;
  return url;
}
