// A throwaway Redis Cluster on loopback for tests and benchmarks: masters only, no persistence, stop() kills it.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestCluster {
  ports: number[];
  /** `127.0.0.1:P1,127.0.0.1:P2,…`: REDIS_CLUSTER_NODES for this cluster. */
  nodes: string;
  cli(port: number, ...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** Starts `size` nodes, joins them with `redis-cli --cluster create`, waits for cluster_state:ok. */
export async function startCluster(size = 3): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-cluster-'));
  const ports = await freeClusterPorts(size);
  const children = ports.map((port) => startNode(port, dir));
  // Should this process end without stop() (a crashed test file), the nodes end with it.
  const killAll = () => {
    for (const child of children) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  const cli = async (port: number, ...args: string[]) =>
    (await run('redis-cli', ['-p', String(port), ...args])).stdout;
  const stop = async () => {
    process.off('exit', killAll);
    await Promise.all(children.map(killNode));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports)
      await waitFor(async () => (await cli(port, 'ping')).trim() === 'PONG');
    const addresses = ports.map((port) => `127.0.0.1:${port}`);
    await run('redis-cli', [
      ...['--cluster', 'create', ...addresses],
      ...['--cluster-replicas', '0', '--cluster-yes'],
    ]);
    for (const port of ports)
      await waitFor(async () => (await cli(port, 'cluster', 'info')).includes('cluster_state:ok'));
    return { ports, nodes: addresses.join(','), cli, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startNode(port: number, dir: string): ChildProcess {
  const child = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes'],
      ...['--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '2000'],
      ...['--dir', dir, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
    ],
    { stdio: 'ignore' },
  );
  child.on('error', () => undefined);
  return child;
}

function killNode(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Ports P whose cluster bus port P + 10000 is free too (Redis Cluster's fixed offset). */
async function freeClusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = 20_000 + Math.floor(Math.random() * 15_000);
    if (ports.includes(port)) continue;
    if ((await isFree(port)) && (await isFree(port + 10_000))) ports.push(port);
  }
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error('cluster: not ready in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
