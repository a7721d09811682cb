// Retention on real PostgreSQL and Redis: a dry run counts and changes nothing; the purge empties old
// article text (rows and events kept), deletes old events, alerts, digest runs, notices, deliveries
// and fetch history in batches, keeps what is recent, and the scheduled job run twice deletes once.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { closeDeps, type Deps, openDeps } from '../../src/deps.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { waitUntilIdle } from '../../src/queues/idle.ts';
import { QUEUE } from '../../src/queues/index.ts';
import { countExpired, purgeExpired, retentionCutoffs } from '../../src/store/retention.ts';
import type { Db } from '../../src/store/types.ts';
import { closeWorkers, startWorkers } from '../../src/workers/index.ts';
import { openBackend, testBackends, testEnv, uniquePrefix } from './pipeline-helpers.ts';

const backend = testBackends('retention').find((candidate) => candidate.kind === 'postgres');
if (!backend) throw new Error('no postgres backend');
const DAY = 86_400_000;
const NOW = new Date('2025-06-01T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const retention = { articleText: '30d', events: '180d', fetchHistory: '7d' };
let deps: Deps;
let db: Db;

beforeAll(async () => {
  const prefix = uniquePrefix('retention');
  const config = { ...(await loadConfig('tests/fixtures/config/valid')), retention };
  deps = await openDeps({
    env: testEnv(backend, prefix),
    config,
    store: await openBackend(backend),
    prefix,
    clock: fixedClock(NOW),
    log: createLogger('silent'),
  });
  db = deps.store.db;
  await seed([400, 200, 100, 10, 3]);
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(deps.queues).map((queue) => queue.obliterate({ force: true })));
  await sql`drop schema if exists ${sql.id(backend.schema ?? '')} cascade`.execute(db);
  await closeDeps(deps);
});

/** One article, event, alert with a delivery, digest run with a delivery, notice and fetch per age in days. */
async function seed(ages: number[]): Promise<void> {
  for (const age of ages) {
    const at = daysAgo(age);
    const article = await db
      .insertInto('articles')
      .values({
        url_key: `k${age}`,
        url: `https://example.org/${age}`,
        title: `article ${age}`,
        text: `texte de ${age} jours`,
        fetch_status: 'feed-only',
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('events')
      .values({
        article_id: article.id,
        rule_id: 'r',
        score: 1,
        terms: '[]',
        regions: [],
        matched_at: at,
      })
      .execute();
    const alert = await db
      .insertInto('alerts')
      .values({
        rule_id: 'r',
        window_start: at,
        window_end: at,
        story_count: 1,
        triggered_by: '[]',
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const run = await db
      .insertInto('digests')
      .values({ digest_id: 'd', period_start: at, period_end: at, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notice = await db
      .insertInto('feed_notices')
      .values({ feed_id: 'f', state: 'failing', previous: 'ok', reason: null, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('deliveries')
      .values([
        { alert_id: alert.id, channel: 'c', created_at: at },
        { digest_run_id: run.id, channel: 'c', created_at: at },
        { notice_id: notice.id, channel: 'c', created_at: at },
      ])
      .execute();
    await db
      .insertInto('feed_fetches')
      .values({ feed_id: 'f', url: 'https://example.org/feed', at, outcome: 'ok' })
      .execute();
  }
}

async function countRows(table: 'events' | 'alerts' | 'digests' | 'deliveries' | 'feed_fetches') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n);
}

describe('retention', () => {
  it('counts what would go, and changes nothing', async () => {
    const counts = await countExpired(db, retentionCutoffs(retention, NOW));
    expect(counts).toEqual({
      articleTexts: 3,
      deliveries: 6,
      alerts: 2,
      digestRuns: 2,
      feedNotices: 2,
      events: 2,
      fetches: 4,
    });
    expect(await countRows('events')).toBe(5);
    expect(await countRows('deliveries')).toBe(15);
  });

  it('purges in batches, keeping article rows and recent rows', async () => {
    const limits = { batchSize: 2, maxBatches: 10 };
    const counts = await purgeExpired(db, retentionCutoffs(retention, NOW), limits);
    expect(counts).toEqual({
      articleTexts: 3,
      deliveries: 6,
      alerts: 2,
      digestRuns: 2,
      feedNotices: 2,
      events: 2,
      fetches: 4,
    });
    const articles = await db
      .selectFrom('articles')
      .select(['title', 'text'])
      .orderBy('id')
      .execute();
    expect(articles).toEqual([
      { title: 'article 400', text: '' },
      { title: 'article 200', text: '' },
      { title: 'article 100', text: '' },
      { title: 'article 10', text: 'texte de 10 jours' },
      { title: 'article 3', text: 'texte de 3 jours' },
    ]);
    expect(await countRows('events')).toBe(3);
    expect(await countRows('alerts')).toBe(3);
    expect(await countRows('digests')).toBe(3);
    expect(await countRows('deliveries')).toBe(9);
    expect(await countRows('feed_fetches')).toBe(1);
  });

  it('stops after maxBatches and goes on at the next call', async () => {
    await seed([500, 501, 502]);
    const cutoffs = retentionCutoffs(retention, NOW);
    const first = await purgeExpired(db, cutoffs, { batchSize: 1, maxBatches: 2 });
    expect(first.events).toBe(2);
    const second = await purgeExpired(db, cutoffs, { batchSize: 1, maxBatches: 2 });
    expect(second.events).toBe(1);
  });

  it('is applied by the scheduled job, and a second run finds nothing', async () => {
    await seed([300]);
    const workers = startWorkers(deps, [QUEUE.applyRetention]);
    const results: unknown[] = [];
    workers[0]?.on('completed', (_job, result) => results.push(result));
    try {
      for (let run = 0; run < 2; run++) {
        await deps.queues[QUEUE.applyRetention].add(QUEUE.applyRetention, {});
        await waitUntilIdle([deps.queues[QUEUE.applyRetention]], workers);
      }
    } finally {
      await closeWorkers(workers);
    }
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ events: 1, alerts: 1, deliveries: 3, articleTexts: 1 });
    expect(Object.values(results[1] as Record<string, number>)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
