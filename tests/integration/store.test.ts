// The store against both backends: PostgreSQL (a schema per run) and PGlite (a fresh temp dir).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/lib/errors.ts';
import {
  getArticle,
  insertArticleIfNew,
  listArticleSources,
  listArticlesSince,
  type NewArticle,
  updateArticleContent,
} from '../../src/store/articles.ts';
import { openDatabase, type Store } from '../../src/store/database.ts';
import {
  claimDelivery,
  getDelivery,
  insertDeliveries,
  listUndelivered,
  markDelivered,
  markDeliveryFailed,
  renewDeliveryLease,
} from '../../src/store/deliveries.ts';
import { insertEvent, type NewEvent } from '../../src/store/events.ts';
import {
  getFeed,
  listDueFeeds,
  recordFetchFailure,
  recordFetchSuccess,
  upsertFeeds,
} from '../../src/store/feeds.ts';

const run = promisify(execFile);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const T0 = new Date('2024-09-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const runId = `${process.pid}_${randomUUID().slice(0, 8)}`;

interface Backend {
  kind: 'postgres' | 'pglite';
  dataDir: string;
  schema?: string | undefined;
}

const backends: Backend[] = [
  { kind: 'postgres', dataDir: '/nonexistent', schema: `vigie_store_test_${runId}` },
  { kind: 'pglite', dataDir: mkdtempSync(join(tmpdir(), 'vigie-store-')) },
];

function open(backend: Backend, schema = backend.schema): Promise<Store> {
  const databaseUrl = backend.kind === 'postgres' ? PG_URL : undefined;
  return openDatabase({ databaseUrl, dataDir: backend.dataDir, schema });
}

function article(urlKey: string, overrides: Partial<NewArticle> = {}): NewArticle {
  return {
    urlKey,
    url: urlKey,
    title: `Title of ${urlKey}`,
    feedId: 'feed-a',
    seenAt: T0,
    ...overrides,
  };
}

function event(articleId: number, overrides: Partial<NewEvent> = {}): NewEvent {
  const terms = [{ term: 'attentat*', segment: 1, start: 4, end: 13 }];
  return {
    articleId,
    ruleId: 'ei-attentats',
    score: 2,
    terms,
    regions: ['iraq'],
    matchedAt: T0,
    ...overrides,
  };
}

describe.each(backends)('store on $kind', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = await open(backend);
  });

  afterAll(async () => {
    if (backend.schema)
      await sql`drop schema if exists ${sql.id(backend.schema)} cascade`.execute(store.db);
    await store.close();
    if (backend.kind === 'pglite') rmSync(backend.dataDir, { recursive: true, force: true });
  });

  it('applies the migrations once, and opening again changes nothing', async () => {
    await store.close();
    store = await open(backend);
    const applied = await sql<{
      name: string;
    }>`select name from ${sql.table(`${store.schema}.kysely_migration`)}`.execute(store.db);
    expect(applied.rows.map((row) => row.name)).toEqual([
      '0001-initial',
      '0002-story-index',
      '0003-digest-event-ids',
      '0004-article-extraction',
      '0005-delivery-leases',
      '0006-article-classified',
      '0007-event-focus-regions',
      '0008-feed-health',
      '0008-retention-indexes',
      '0010-event-search',
      '0011-auth-users-labels',
    ]);
    const count = await store.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('stores an article once and says so the second time', async () => {
    const first = await insertArticleIfNew(
      store.db,
      article('https://example.org/a1', { text: 'Un  attentat.' }),
    );
    const second = await insertArticleIfNew(
      store.db,
      article('https://example.org/a1', { title: 'Other' }),
    );
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const stored = await getArticle(store.db, first.id);
    expect(stored).toMatchObject({
      title: 'Title of https://example.org/a1',
      fetchStatus: 'pending',
      createdAt: T0,
    });
    expect(stored?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores an article reached from two feeds once, with both sources', async () => {
    const key = 'https://example.org/two-feeds';
    const a = await insertArticleIfNew(store.db, article(key, { feedId: 'feed-a' }));
    const b = await insertArticleIfNew(store.db, article(key, { feedId: 'feed-b', seenAt: at(5) }));
    expect(b).toEqual({ id: a.id, created: false });
    // Seen again in feed-b later: still one article, and feed-b keeps its first sighting.
    expect(
      await insertArticleIfNew(store.db, article(key, { feedId: 'feed-b', seenAt: at(9) })),
    ).toEqual({ id: a.id, created: false });
    expect(await listArticleSources(store.db, a.id)).toEqual([
      { feedId: 'feed-a', firstSeenAt: T0 },
      { feedId: 'feed-b', firstSeenAt: at(5) },
    ]);
    const rows = await store.db
      .selectFrom('articles')
      .select('id')
      .where('url_key', '=', key)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('returns one id to 20 concurrent inserts of the same article, created for one of them', async () => {
    const key = `guid:concurrent-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        insertArticleIfNew(store.db, article(key, { feedId: `feed-${i % 3}` })),
      ),
    );
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const rows = await store.db
      .selectFrom('articles')
      .select('id')
      .where('url_key', '=', key)
      .execute();
    expect(rows).toHaveLength(1);
    expect(await listArticleSources(store.db, rows[0]?.id ?? -1)).toHaveLength(3);
  });

  it('updates the content after the page is fetched and lists articles since a time', async () => {
    const { id } = await insertArticleIfNew(
      store.db,
      article('https://example.org/later', { seenAt: at(60) }),
    );
    const fetched = {
      text: 'Le texte  complet.',
      fetchedAt: at(61),
      fetchStatus: 'fetched' as const,
      lang: 'fr',
      extraction: { outcome: 'full' as const, method: 'content' as const, textLength: 18 },
    };
    expect(await updateArticleContent(store.db, id, fetched)).toBe(true);
    const stored = await getArticle(store.db, id);
    expect(stored).toMatchObject({
      text: 'Le texte  complet.',
      lang: 'fr',
      fetchedAt: at(61),
      fetchStatus: 'fetched',
      extraction: { outcome: 'full', method: 'content', textLength: 18 },
    });
    expect(stored?.title).toBe('Title of https://example.org/later');
    const again = await insertArticleIfNew(
      store.db,
      article('https://example.org/later2', { text: 'LE TEXTE complet.', seenAt: at(62) }),
    );
    expect((await getArticle(store.db, again.id))?.contentHash).toBe(stored?.contentHash);
    const since = await listArticlesSince(store.db, at(60));
    expect(since.map((a) => a.id)).toEqual([id, again.id]);
    // Page by page: each page starts after the last article of the one before.
    const [first] = await listArticlesSince(store.db, at(60), 1);
    expect(first?.id).toBe(id);
    const next = await listArticlesSince(store.db, at(60), 1, first);
    expect(next.map((a) => a.id)).toEqual([again.id]);
    expect(await listArticlesSince(store.db, at(60), 1, next[0])).toEqual([]);
  });

  it('stores an event once per article and rule', async () => {
    const { id: articleId } = await insertArticleIfNew(
      store.db,
      article('https://example.org/event-once'),
    );
    const first = await insertEvent(store.db, event(articleId));
    const second = await insertEvent(store.db, event(articleId, { score: 9 }));
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const rows = await store.db
      .selectFrom('events')
      .selectAll()
      .where('article_id', '=', articleId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ score: 2, regions: ['iraq'], terms: event(articleId).terms });
  });

  it('keeps feed fetch state, schedules due feeds and disables permanent failures', async () => {
    await upsertFeeds(
      store.db,
      [
        { id: 'f1', url: 'https://a.example/feed' },
        { id: 'f2', url: 'https://b.example/feed' },
      ],
      T0,
    );
    expect((await listDueFeeds(store.db, T0)).map((f) => f.id)).toEqual(['f1', 'f2']);
    await recordFetchSuccess(store.db, 'f1', {
      etag: '"v1"',
      lastModified: null,
      fetchedAt: T0,
      nextFetchAt: at(10),
    });
    expect(
      await recordFetchFailure(store.db, 'f2', {
        error: 'HTTP 503',
        at: T0,
        nextFetchAt: at(5),
        disable: false,
      }),
    ).toBe(1);
    expect((await listDueFeeds(store.db, at(6))).map((f) => f.id)).toEqual(['f2']);
    await recordFetchFailure(store.db, 'f2', {
      error: 'HTTP 410 Gone',
      at: at(6),
      nextFetchAt: at(66),
      disable: true,
    });
    expect((await listDueFeeds(store.db, at(100))).map((f) => f.id)).toEqual(['f1']);
    expect(await getFeed(store.db, 'f2')).toMatchObject({
      consecutiveFailures: 2,
      disabledReason: 'HTTP 410 Gone',
    });

    await upsertFeeds(
      store.db,
      [
        { id: 'f1', url: 'https://a.example/feed' },
        { id: 'f2', url: 'https://b.example/new' },
      ],
      at(200),
    );
    expect(await getFeed(store.db, 'f1')).toMatchObject({ etag: '"v1"', nextFetchAt: at(10) });
    expect(await getFeed(store.db, 'f2')).toMatchObject({
      consecutiveFailures: 0,
      disabledReason: null,
      nextFetchAt: null,
    });
    await upsertFeeds(store.db, [{ id: 'f2', url: 'https://b.example/new' }], at(300));
    expect(await getFeed(store.db, 'f1')).toMatchObject({ inConfig: false });
    expect((await listDueFeeds(store.db, at(300))).map((f) => f.id)).toEqual(['f2']);
  });

  it('claims a delivery once, marks it sent, and never claims it again', async () => {
    const alert = await store.db
      .insertInto('alerts')
      .values({
        rule_id: 'r',
        window_start: T0,
        window_end: at(1),
        story_count: 3,
        triggered_by: '[]',
        created_at: T0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = await insertDeliveries(
      store.db,
      { alertId: alert.id },
      ['ops-email', 'soc-hook'],
      T0,
    );
    const again = await insertDeliveries(store.db, { alertId: alert.id }, ['ops-email'], T0);
    expect(first.map((d) => d.created)).toEqual([true, true]);
    expect(again.map((d) => [d.channel, d.created])).toEqual([
      ['ops-email', false],
      ['soc-hook', false],
    ]);
    const id = first[0]?.id ?? -1;
    const lease = { leaseMs: 60_000 };
    const claims = await Promise.all(
      [1, 2, 3].map(() => claimDelivery(store.db, id, { now: at(2), ...lease })),
    );
    const [held, ...others] = claims.filter((claim) => claim !== undefined);
    expect(others).toHaveLength(0);
    const token = held?.token ?? '';
    expect(held).toMatchObject({ state: 'sending', attempts: 1, leaseUntil: at(3) });
    // Only the holder's token releases it.
    const release = { error: 'ECONNRESET', permanent: false };
    expect(await markDeliveryFailed(store.db, id, { token: 'other', ...release })).toBe(false);
    expect(await markDeliveryFailed(store.db, id, { token, ...release })).toBe(true);
    const retry = await claimDelivery(store.db, id, { now: at(3), ...lease });
    expect(retry).toMatchObject({ attempts: 2, recovered: false });
    expect(retry?.token).not.toBe(token);
    expect(await markDelivered(store.db, id, { token, sentAt: at(3) })).toBe(false);
    expect(await markDelivered(store.db, id, { token: retry?.token ?? '', sentAt: at(3) })).toBe(
      true,
    );
    expect(await markDelivered(store.db, id, { token: retry?.token ?? '', sentAt: at(4) })).toBe(
      false,
    );
    expect(await claimDelivery(store.db, id, { now: at(99), ...lease })).toBeUndefined();
    expect(await getDelivery(store.db, id)).toMatchObject({
      state: 'sent',
      sentAt: at(3),
      lastError: null,
    });
  });

  it('lists the deliveries still owed, and hands a lease that ran out to the next sender', async () => {
    const alert = await store.db
      .insertInto('alerts')
      .values({
        rule_id: 'owed',
        window_start: T0,
        window_end: at(1),
        story_count: 1,
        triggered_by: '[]',
        created_at: T0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [mail, hook, other] = await insertDeliveries(
      store.db,
      { alertId: alert.id },
      ['a-mail', 'b-hook', 'c-other'],
      T0,
    );
    const ids = [mail?.id ?? -1, hook?.id ?? -1, other?.id ?? -1];
    const hookId = ids[1] ?? -1;
    const owed = async (minutes: number) =>
      (
        await listUndelivered(store.db, {
          pendingBefore: at(minutes - 1),
          leaseEndedBefore: at(minutes),
          limit: 1000,
        })
      )
        .map((delivery) => delivery.id)
        .filter((id) => ids.includes(id));
    // Created at T0: not yet owed a minute later (its first job may still be on the way).
    expect(await owed(1)).toEqual([]);
    expect(await owed(2)).toEqual(ids);
    // mail: sent; hook: leased for a minute at minute 2; other: failed for good.
    const lease = { leaseMs: 60_000 };
    const sent = await claimDelivery(store.db, ids[0] ?? -1, { now: at(2), ...lease });
    await markDelivered(store.db, ids[0] ?? -1, { token: sent?.token ?? '', sentAt: at(2) });
    const first = await claimDelivery(store.db, hookId, { now: at(2), ...lease });
    expect(first?.recovered).toBe(false);
    const token = first?.token ?? '';
    const failed = await claimDelivery(store.db, ids[2] ?? -1, { now: at(2), ...lease });
    await markDeliveryFailed(store.db, ids[2] ?? -1, {
      token: failed?.token ?? '',
      error: '550',
      permanent: true,
    });
    expect(await owed(3)).toEqual([]);
    // Renewed at 2.5 by its holder (not by another token): leased until 3.5.
    expect(await renewDeliveryLease(store.db, hookId, { token: 'x', now: at(2.5), ...lease })).toBe(
      false,
    );
    expect(await renewDeliveryLease(store.db, hookId, { token, now: at(2.5), ...lease })).toBe(
      true,
    );
    expect(await owed(3.4)).toEqual([]);
    expect(await claimDelivery(store.db, hookId, { now: at(3.4), ...lease })).toBeUndefined();
    // Its holder died: the lease runs out, the delivery is owed and the next claim takes it.
    expect(await owed(3.6)).toEqual([hookId]);
    const takeover = await claimDelivery(store.db, hookId, { now: at(3.6), ...lease });
    expect(takeover).toMatchObject({ state: 'sending', attempts: 2, recovered: true });
    // The dead holder waking up changes nothing.
    expect(await renewDeliveryLease(store.db, hookId, { token, now: at(3.7), ...lease })).toBe(
      false,
    );
    expect(await markDelivered(store.db, hookId, { token, sentAt: at(3.7) })).toBe(false);
    expect(
      await markDeliveryFailed(store.db, hookId, { token, error: 'late', permanent: true }),
    ).toBe(false);
    expect(await getDelivery(store.db, hookId)).toMatchObject({ state: 'sending', attempts: 2 });
  });

  if (backend.kind === 'postgres')
    it('migrates once when three pools open a new schema at once', async () => {
      const schema = `vigie_store_race_${runId}`;
      const stores = await Promise.all([
        open(backend, schema),
        open(backend, schema),
        open(backend, schema),
      ]);
      try {
        const applied =
          await sql`select name from ${sql.table(`${schema}.kysely_migration`)}`.execute(
            stores[0]?.db ?? store.db,
          );
        // Each migration once, not three times (counted without a number that each new one changes).
        const names = applied.rows.map((row) => (row as { name: string }).name);
        expect(names).toContain('0010-event-search');
        expect(names).toHaveLength(new Set(names).size);
      } finally {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
        await Promise.all(stores.map((s) => s.close()));
      }
    });

  if (backend.kind === 'pglite')
    it('initialised PGlite in a child process and runs it with a 16 MB buffer cache', async () => {
      // initdb's ~900 MB stay in the child that ran it (store/pglite-init.ts).
      expect(existsSync(join(backend.dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
      const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(store.db);
      expect(rows[0]?.shared_buffers).toBe('16MB');
    });

  if (backend.kind === 'pglite')
    it('refuses a second opener of the same PGlite directory, in this process or another', async () => {
      await expect(open(backend)).rejects.toThrow(UserError);
      const result = await openInChild(backend.dataDir);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `UserError: store: ${join(backend.dataDir, 'pglite')} is in use by another vigie process (pid ${process.pid}`,
      );
      expect(result.stderr).toContain('set DATABASE_URL');
    });

  if (backend.kind === 'pglite')
    it('takes over a lock left by a dead process and removes its own on close', async () => {
      const lockPath = join(backend.dataDir, 'pglite.lock');
      await store.close();
      expect(existsSync(lockPath)).toBe(false);
      writeFileSync(lockPath, JSON.stringify({ pid: await deadPid(), host: hostname() }));
      store = await open(backend);
      expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toEqual({
        pid: process.pid,
        host: hostname(),
      });
    });
});

const databaseModule = pathToFileURL(join(import.meta.dirname, '../../src/store/database.ts')).href;

/** Opens the PGlite directory from a separate node process; reports its exit code and stderr. */
async function openInChild(dataDir: string): Promise<{ code: number; stderr: string }> {
  const script = `
    const { openDatabase } = await import(${JSON.stringify(databaseModule)});
    try {
      const store = await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
      await store.close();
    } catch (error) {
      console.error(error.name + ': ' + error.message);
      process.exit(1);
    }`;
  try {
    await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    return { code: 0, stderr: '' };
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
}

/** The pid of a process that has exited, as a crashed vigie would leave in its lock file. */
async function deadPid(): Promise<number> {
  const { stdout } = await run(process.execPath, ['-e', 'console.log(process.pid)']);
  return Number(stdout.trim());
}
