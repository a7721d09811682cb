// Alert evaluations, one pending per rule × region: a burst of events makes a few evaluations and
// one alert; an event stored while its key's evaluation runs is still evaluated; reruns of
// classify-article and evaluate-alert re-offer what the first run may have lost.
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Job, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { type Deps, openDeps } from '../../src/deps.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { waitUntilIdle } from '../../src/queues/idle.ts';
import { insertArticleIfNew } from '../../src/store/articles.ts';
import { insertEvents } from '../../src/store/events.ts';
import { upsertFeeds } from '../../src/store/feeds.ts';
import type { ClassifyArticleResult } from '../../src/workers/classify-article.worker.ts';
import type { EvaluateAlertResult } from '../../src/workers/evaluate-alert.worker.ts';
import { closeWorkers, startWorkers, WORKERS } from '../../src/workers/index.ts';
import {
  closeTestDeps,
  type LocalServer,
  openBackend,
  rssFeed,
  runFeedOnce,
  startLocalServer,
  testBackends,
  testEnv,
  uniquePrefix,
} from './pipeline-helpers.ts';

const RULES = `rules:
  - id: burst
    match: {any: [marqueur]}
    alert:
      threshold: {count: 10, window: 1d, per: rule}
      cooldown: 1d
      channels: [mail]
  - id: late
    match: {any: [tardif]}
    alert:
      threshold: {count: 2, window: 1d, per: rule}
      cooldown: 1d
      channels: [mail]
  - id: pair
    match: {any: [paire]}
    alert:
      threshold: {count: 2, window: 1d, per: rule}
      channels: [mail]
  - id: again
    match: {any: [encore]}
    alert:
      threshold: {count: 5, window: 1d, per: rule}
      channels: [mail]
  - id: quiet
    match: {any: [encore]}
`;

/** Distinct paragraphs of the sample articles: each article built from one is a story of its own. */
const PARAGRAPHS = readdirSync('tests/fixtures')
  .filter((name) => name.endsWith('.txt'))
  .flatMap((name) => readFileSync(join('tests/fixtures', name), 'utf8').split(/\n\s*\n/))
  .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
  .filter((paragraph) => paragraph.length > 200);

const postgres = testBackends('evaluate').find((backend) => backend.kind === 'postgres');
if (!postgres) throw new Error('no postgres backend');
const backend = postgres;
const configDir = mkdtempSync(join(tmpdir(), 'vigie-evaluate-config-'));
let server: LocalServer;
let deps: Deps;
let serial = 0;

beforeAll(async () => {
  server = await startLocalServer();
  copyFileSync('tests/fixtures/config/valid/regions.yaml', join(configDir, 'regions.yaml'));
  writeFileSync(
    join(configDir, 'feeds.yaml'),
    `feeds:\n  - {id: burst, url: "${server.url}/burst.xml", every: 10m, fetchArticle: false}\n`,
  );
  writeFileSync(join(configDir, 'rules.yaml'), RULES);
  writeFileSync(
    join(configDir, 'notify.yaml'),
    'channels:\n  mail: {type: email, to: [analyst@example.org], groupWait: 1s}\n',
  );
  const config = await loadConfig(configDir);
  const prefix = uniquePrefix('evaluate');
  deps = await openDeps({
    env: testEnv(backend, prefix),
    config,
    store: await openBackend(backend),
    prefix,
    log: createLogger(process.env.LOG_LEVEL || 'silent'),
  });
  await upsertFeeds(
    deps.store.db,
    config.feeds.map(({ id, url }) => ({ id, url })),
    new Date(),
  );
});

afterAll(async () => {
  await closeTestDeps(deps, backend);
  await server.close();
  rmSync(configDir, { recursive: true, force: true });
});

/** What a processor reads of a job; `rerun` as after a crash (a second start). */
function fakeJob(data: unknown, rerun = false): Job {
  const attemptsStarted = rerun ? 2 : 1;
  return { data, attemptsMade: 0, attemptsStarted, opts: { attempts: 5 } } as unknown as Job;
}

/** An article of its own story (a sample paragraph) carrying `word`, classified by the worker. */
async function classifyNew(word: string, rerun = false): Promise<ClassifyArticleResult> {
  serial += 1;
  const url = `https://example.org/evaluate/${serial}`;
  const { id } = await insertArticleIfNew(deps.store.db, {
    urlKey: url,
    url,
    title: `Dépêche ${serial}`,
    text: `${PARAGRAPHS[serial % PARAGRAPHS.length]} Le mot ${word} y figure.`,
    feedId: 'burst',
    fetchStatus: 'fetched',
    seenAt: new Date(),
  });
  return classify(id, rerun);
}

function classify(articleId: number, rerun = false): Promise<ClassifyArticleResult> {
  const job = fakeJob({ articleId }, rerun);
  return WORKERS['classify-article'].process(deps, job) as Promise<ClassifyArticleResult>;
}

async function alertsOf(ruleId: string) {
  return deps.store.db
    .selectFrom('alerts')
    .select(['id', 'story_count'])
    .where('rule_id', '=', ruleId)
    .execute();
}

function pendingEvaluations(): Promise<Job[]> {
  return deps.queues['evaluate-alert'].getJobs(['waiting', 'delayed', 'active']);
}

describe('evaluate-alert, one pending per key', () => {
  it('makes a few evaluations and one alert of 50 events arriving together', async () => {
    const items = Array.from({ length: 50 }, (_, i) => ({
      title: `Dépêche ${i}`,
      link: `https://example.org/burst/${i}`,
      description: `${PARAGRAPHS[i]} Le marqueur est signalé.`,
    }));
    server.routes.set('/burst.xml', () => ({ body: rssFeed(items) }));
    const outcomes = await runFeedOnce(deps, 'burst');
    expect(outcomes.filter((outcome) => outcome.error)).toEqual([]);
    const events = await deps.store.db
      .selectFrom('events')
      .select('id')
      .where('rule_id', '=', 'burst')
      .execute();
    expect(events).toHaveLength(50);
    const evaluations = outcomes.filter((outcome) => outcome.queue === 'evaluate-alert');
    // One job per event before; with one classify-article job per second or faster, about one per second.
    expect(evaluations.length).toBeGreaterThanOrEqual(1);
    expect(evaluations.length).toBeLessThanOrEqual(20);
    const alerts = await alertsOf('burst');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.story_count).toBeGreaterThanOrEqual(10);
  }, 60_000);

  it('evaluates an event stored while the key evaluation runs, and fires on it', async () => {
    let evaluated: () => void = () => undefined;
    const firstRead = new Promise<void>((resolve) => {
      evaluated = resolve;
    });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const results: EvaluateAlertResult[] = [];
    // The real processor, held active after its first evaluation has read the database.
    const worker = new Worker(
      'evaluate-alert',
      async (job) => {
        const result = (await WORKERS['evaluate-alert'].process(deps, job)) as EvaluateAlertResult;
        results.push(result);
        if (results.length === 1) {
          evaluated();
          await gate;
        }
        return result;
      },
      { connection: deps.connection, prefix: deps.prefix },
    );
    try {
      await classifyNew('tardif');
      await firstRead;
      expect(results[0]?.reason).toBe('below-threshold');
      // The second story arrives after the running evaluation counted one.
      const second = await classifyNew('tardif');
      expect(second.eventIds).toHaveLength(1);
      release();
      await waitUntilIdle([deps.queues['evaluate-alert']], [worker]);
    } finally {
      release();
      await worker.close();
    }
    expect(results).toHaveLength(2);
    expect(results[1]).toMatchObject({ eventId: expect.any(Number), created: true });
    const alerts = await alertsOf('late');
    expect(alerts).toEqual([{ id: results[1]?.alertId, story_count: 2 }]);
  }, 30_000);

  it('counts an event whose evaluation was merged into an older one still pending', async () => {
    await classifyNew('paire');
    await classifyNew('paire');
    const [pending, ...others] = await pendingEvaluations();
    expect(others).toHaveLength(0);
    const events = await deps.store.db
      .selectFrom('events')
      .select('id')
      .where('rule_id', '=', 'pair')
      .orderBy('id')
      .execute();
    // The job names the first event; the evaluation still runs at the second one's time.
    expect(pending?.data.eventId).toBe(events[0]?.id);
    const workers = startWorkers(deps, ['evaluate-alert']);
    try {
      await waitUntilIdle([deps.queues['evaluate-alert']], workers);
    } finally {
      await closeWorkers(workers);
    }
    expect(await alertsOf('pair')).toEqual([{ id: expect.any(Number), story_count: 2 }]);
  }, 30_000);

  it('re-offers pending deliveries on a rerun that finds the alert in its cooldown', async () => {
    const sends = deps.queues['send-alert'];
    await sends.obliterate({ force: true });
    const [alert] = await alertsOf('late');
    expect(alert).toBeDefined();
    const data = { ruleId: 'late', regionId: '', eventId: 1 };
    const first = (await WORKERS['evaluate-alert'].process(
      deps,
      fakeJob(data),
    )) as EvaluateAlertResult;
    expect(first).toMatchObject({ reason: 'cooldown' });
    expect(await sends.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 0, delayed: 0 });
    await WORKERS['evaluate-alert'].process(deps, fakeJob(data, true));
    const offered = await sends.getJobs(['waiting', 'delayed']);
    const deliveries = await deps.store.db
      .selectFrom('deliveries')
      .select('id')
      .where('alert_id', '=', alert?.id ?? 0)
      .execute();
    expect(offered.map((job) => job.data.deliveryId)).toEqual(deliveries.map((row) => row.id));
  });

  it('a rerun of classify-article creates nothing but offers the evaluations again', async () => {
    const first = await classifyNew('encore');
    expect(first.eventIds).toHaveLength(2);
    const [pending, ...others] = await pendingEvaluations();
    expect(others).toHaveLength(0);
    expect(pending?.data).toMatchObject({ ruleId: 'again', regionId: '' });
    // As if the first run had died between storing its events and adding the evaluation.
    await pending?.remove();
    const rerun = await classify(first.articleId, true);
    expect(rerun.eventIds).toEqual([]);
    const offered = await pendingEvaluations();
    expect(offered.map((job) => job.data)).toEqual([pending?.data]);
    const again = await classify(first.articleId);
    expect(again.eventIds).toEqual([]);
    expect(await pendingEvaluations()).toHaveLength(1);
    await deps.queues['evaluate-alert'].obliterate({ force: true });
  });
});

describe('insertEvents', () => {
  it('stores new events in one call and tells them from those the article had already', async () => {
    const classified = await classifyNew('rien');
    const event = (ruleId: string, score: number) => ({
      articleId: classified.articleId,
      ruleId,
      score,
      terms: [],
      regions: ['iraq'],
      matchedAt: new Date(),
    });
    const first = await insertEvents(deps.store.db, [event('b-rule', 1), event('a-rule', 1)]);
    expect(first.map((row) => [row.ruleId, row.created])).toEqual([
      ['b-rule', true],
      ['a-rule', true],
    ]);
    const second = await insertEvents(deps.store.db, [
      event('c-rule', 2),
      event('a-rule', 2),
      event('b-rule', 2),
    ]);
    expect(second.map((row) => [row.ruleId, row.created])).toEqual([
      ['c-rule', true],
      ['a-rule', false],
      ['b-rule', false],
    ]);
    expect(second[1]?.id).toBe(first[1]?.id);
    expect(second[2]?.id).toBe(first[0]?.id);
    const scores = await deps.store.db
      .selectFrom('events')
      .select('score')
      .where('article_id', '=', classified.articleId)
      .orderBy('rule_id')
      .execute();
    expect(scores.map((row) => row.score)).toEqual([1, 1, 2]);
    expect(await insertEvents(deps.store.db, [])).toEqual([]);
  });
});
