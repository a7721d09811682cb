// `vigie worker --port`: a worker process answers /healthz, /readyz and /metrics as `vigie run` does.
import { execFile } from 'node:child_process';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PG_URL, uniquePrefix } from './pipeline-helpers.ts';
import { freePort } from './smtp-helpers.ts';
import { killWorker, spawnWorker, stopWorker, type WorkerProcess } from './worker-process.ts';

const prefix = uniquePrefix('worker-http');
const schema = `vigie_worker_http_${process.pid}`;
let worker: WorkerProcess | undefined;

afterAll(async () => {
  killWorker(worker);
  // The worker's queue keys under its prefix.
  const redis = new Redis('redis://127.0.0.1:6379');
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

describe('vigie worker --port', () => {
  it('serves /healthz, /readyz and /metrics while its workers run, and stops on SIGTERM', async () => {
    const port = await freePort();
    worker = await spawnWorker(['--queues', 'classify-article', '--port', String(port)], {
      DATABASE_URL: PG_URL,
      VIGIE_DATABASE_SCHEMA: schema,
      VIGIE_QUEUE_PREFIX: prefix,
    });
    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok\n']);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^# TYPE \S+ /m);
    expect(await stopWorker(worker)).toBe(0);
  });

  it('refuses a port that is not one, in one line', async () => {
    const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile('./bin/vigie', ['worker', '--port', '80a'], (error, _stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stderr }),
      );
    });
    expect(result).toEqual({
      code: 1,
      stderr: 'vigie: worker: --port 80a: expected a whole number from 0 to 65535\n',
    });
  });
});
