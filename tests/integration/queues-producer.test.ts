// Producers fail fast: with Redis unreachable, adding a job rejects instead of waiting for it.
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/deps.ts';
import {
  closeQueues,
  createQueues,
  enqueueFetchFeed,
  type Queues,
} from '../../src/queues/index.ts';
import { uniquePrefix } from './pipeline-helpers.ts';

const REDIS = { host: '127.0.0.1', port: 6379 };

/** A loopback TCP relay to the shared Redis, which the test can cut without touching Redis. */
async function startRelay(): Promise<{ url: string; cut: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(REDIS);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    // Closing the listener frees the port: every reconnection is then refused.
    cut: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

describe('a producer connection', () => {
  let producer: Redis;
  let queues: Queues;
  let cut: () => Promise<void>;

  beforeAll(async () => {
    const relay = await startRelay();
    cut = relay.cut;
    producer = await connectRedis(relay.url, undefined, 'producer');
    producer.on('error', () => {});
    queues = createQueues({ connection: producer, prefix: uniquePrefix('producer') });
    await enqueueFetchFeed(queues, { feedId: 'before' }, { dueAt: new Date() });
  });

  afterAll(async () => {
    await closeQueues(queues).catch(() => {});
    producer.disconnect();
  });

  it('rejects an enqueue while Redis is unreachable instead of waiting for it', async () => {
    await cut();
    await expect(
      enqueueFetchFeed(queues, { feedId: 'during' }, { dueAt: new Date() }),
    ).rejects.toThrow();
  });
});
