// The workspace's event query on both backends: order, filters, accent-insensitive words, pages.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../src/store/database.ts';
import { type EventSearch, searchEvents } from '../../src/store/event-search.ts';
import { pgliteDataDir } from './pipeline-helpers.ts';
import { hoursAfter, seedEvents } from './workspace-seed.ts';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const runId = `${process.pid}_${randomUUID().slice(0, 8)}`;

const backends = [
  { kind: 'postgres', dataDir: '/nonexistent', schema: `vigie_event_search_${runId}` },
  { kind: 'pglite', dataDir: pgliteDataDir('event-search') },
] as const;

describe.each(backends)('event search on $kind', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = await openDatabase({
      databaseUrl: backend.kind === 'postgres' ? PG_URL : undefined,
      dataDir: backend.dataDir,
      schema: 'schema' in backend ? backend.schema : undefined,
    });
    await seedEvents(store.db);
  });

  afterAll(async () => {
    if ('schema' in backend)
      await sql`drop schema if exists ${sql.id(backend.schema)} cascade`.execute(store.db);
    await store.close();
    if (backend.kind === 'pglite') rmSync(backend.dataDir, { recursive: true, force: true });
  });

  const titles = async (search: Partial<EventSearch>) =>
    (await searchEvents(store.db, { limit: 50, ...search })).events.map(
      (event) => `${event.ruleId}:${event.title.slice(0, 20)}`,
    );

  it('lists newest first by publication, first seen when undated or dated later, then by id', async () => {
    const page = await searchEvents(store.db, { limit: 50 });
    expect(page.next).toBeNull();
    expect(page.events.map((event) => event.publishedAt.toISOString())).toEqual([
      hoursAfter(12).toISOString(),
      hoursAfter(11).toISOString(),
      hoursAfter(10).toISOString(),
      hoursAfter(10).toISOString(),
      ...[6, 5, 4, 3, 2, 1, 0].map((hours) => hoursAfter(hours).toISOString()),
    ]);
    const [script, undated, second, first] = page.events;
    expect(script?.title).toContain('<script>');
    expect(undated?.title).toBe('Nouvelle explosion signalée');
    // Two rules on one article at one time: the later event first.
    expect(second?.id).toBeGreaterThan(first?.id ?? Number.POSITIVE_INFINITY);
    expect(script).toMatchObject({ copies: 4, sources: 3, regions: ['erbil', 'iraq'] });
    expect(page.events.at(-1)).toMatchObject({ storyId: null, copies: 1, sources: 1 });
  });

  it('filters by rule, by any of several regions, and by time', async () => {
    expect(await titles({ ruleIds: ['mosul-watch'] })).toEqual(['mosul-watch:Explosion à Mossoul']);
    expect(await titles({ regionIds: ['erbil', 'mosul'] })).toEqual([
      'attacks:Explosion <script>al',
      'attacks:Nouvelle explosion s',
      'mosul-watch:Explosion à Mossoul',
      'attacks:Explosion à Mossoul',
    ]);
    expect(
      await titles({ ruleIds: ['attacks'], since: hoursAfter(5), until: hoursAfter(11) }),
    ).toEqual([
      'attacks:Explosion à Mossoul',
      'attacks:Attentat numéro 6',
      'attacks:Attentat numéro 5',
    ]);
    expect(await titles({ ruleIds: ['nothing'] })).toEqual([]);
  });

  it('finds words in title or text whatever their accents and case', async () => {
    const mossoul = await titles({ words: 'mossoul', ruleIds: ['attacks'] });
    expect(mossoul).toEqual(['attacks:Nouvelle explosion s', 'attacks:Explosion à Mossoul']);
    expect(await titles({ words: 'MOSSOUL', ruleIds: ['attacks'] })).toEqual(mossoul);
    // "numéro" in the title, written without its accent; "irakiennes" only in the text.
    expect(await titles({ words: 'numero 3' })).toEqual(['attacks:Attentat numéro 3']);
    expect(await titles({ words: 'IRAKIENNES', ruleIds: ['attacks'] })).toEqual([
      'attacks:Explosion à Mossoul',
    ]);
    expect(await titles({ words: 'explosion -mossoul' })).toEqual(['attacks:Explosion <script>al']);
    expect(await titles({ words: 'kaboul' })).toEqual([]);
    // Search syntax in untrusted input is words, never an error.
    expect(await titles({ words: `"'&|!():*<-> \\` })).toEqual([]);
  });

  it('pages by cursor without gaps or repeats', async () => {
    const seen: number[] = [];
    let after: EventSearch['after'];
    let pages = 0;
    do {
      const page = await searchEvents(store.db, { limit: 3, after });
      seen.push(...page.events.map((event) => event.id));
      after = page.next ?? undefined;
      pages++;
    } while (after);
    const all = await searchEvents(store.db, { limit: 50 });
    expect(pages).toBe(4);
    expect(seen).toEqual(all.events.map((event) => event.id));
  });
});
