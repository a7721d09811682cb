// The indexed story lookup against both backends: the same stories as comparing with every story of
// the window, and the migration that indexes stories stored before it.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertArticleIfNew } from '../../src/store/articles.ts';
import type { Store } from '../../src/store/database.ts';
import * as initial from '../../src/store/migrations/0001-initial.ts';
import type { Database } from '../../src/store/types.ts';
import { assignStory } from '../../src/stories/assign.ts';
import {
  DEFAULT_MAX_DISTANCE,
  DEFAULT_STORY_WINDOW_MS,
  sameStory,
} from '../../src/stories/group.ts';
import { bandPairKeys, indexDay, titleWordKeys } from '../../src/stories/index-keys.ts';
import { hammingDistance, simhash, titleTokens } from '../../src/stories/simhash.ts';
import { seededRandom as random } from '../seeded-random.ts';
import { type Backend, openBackend, PG_URL, testBackends } from './pipeline-helpers.ts';

const T0 = new Date('2024-09-01T10:00:00Z');
const HOUR = 3_600_000;
const FIXTURES = join(import.meta.dirname, '../fixtures');
const VOCABULARY = [
  ...new Set(
    ['fr-raid-anbar-2024-09.txt', 'fr-ei-camps-syrie-2024-12.txt']
      .flatMap((name) => titleTokens(readFileSync(join(FIXTURES, name), 'utf8')))
      .filter((word) => word.length >= 4),
  ),
];
const FILLERS = ['de', 'la', 'les', 'à', 'des', 'du', 'et', 'en'];

interface CorpusArticle {
  title: string;
  text: string;
  seenAt: Date;
}

/**
 * Originals, copies of their text (a word or two changed, a masthead) under other titles, and the
 * same title (one word changed) over another text; some copies come after the window.
 */
function makeCorpus(seed: number, size: number): CorpusArticle[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const words = (count: number, fillers = false) =>
    Array.from({ length: count }, () =>
      fillers && next() < 0.3 ? pick(FILLERS) : pick(VOCABULARY),
    );
  const corpus: CorpusArticle[] = [];
  let clock = T0.getTime();
  for (let i = 0; i < size; i++) {
    clock += Math.floor(next() * 2 * HOUR);
    // Some arrive late: published before the articles stored just before them.
    const seenAt = new Date(clock - (next() < 0.2 ? Math.floor(next() * 12 * HOUR) : 0));
    // Mostly a recent article; now and then one from before the window.
    const recent = next() < 0.85 ? corpus.slice(-20) : corpus;
    const source = recent.length > 0 && next() < 0.6 ? pick(recent) : undefined;
    if (!source) {
      corpus.push({
        title: words(4 + Math.floor(next() * 5), true).join(' '),
        text: words(120).join(' '),
        seenAt,
      });
    } else if (next() < 0.5) {
      const changed = source.text
        .split(' ')
        .map((word) => (next() < 0.01 ? pick(VOCABULARY) : word));
      corpus.push({
        title: words(5, true).join(' '),
        text: `${pick(VOCABULARY)} ${changed.join(' ')}`,
        seenAt,
      });
    } else {
      const title = source.title.split(' ');
      title[Math.floor(next() * title.length)] = pick(VOCABULARY);
      corpus.push({ title: title.join(' '), text: words(120).join(' '), seenAt });
    }
  }
  return corpus;
}

interface Reference {
  /** Each article's story, as an index in the order stories are created. */
  stories: number[];
  /** Articles that joined a story by their title alone (their texts too far apart). */
  titleJoins: number;
}

/** The reference: every story of the window compared, the most recently active first. */
function assignByFullScan(corpus: readonly CorpusArticle[]): Reference {
  const stories: { signature: string; title: string; lastSeenAt: Date }[] = [];
  let titleJoins = 0;
  const assigned = corpus.map((article) => {
    const since = article.seenAt.getTime() - DEFAULT_STORY_WINDOW_MS;
    const order = stories
      .map((story, index) => ({ story, index }))
      .filter(({ story }) => story.lastSeenAt.getTime() >= since)
      .sort(
        (a, b) => b.story.lastSeenAt.getTime() - a.story.lastSeenAt.getTime() || b.index - a.index,
      );
    const candidate = {
      signature: simhash(article.text),
      titleTokens: titleTokens(article.title),
      publishedAt: article.seenAt,
    };
    const found = order.find(({ story }) =>
      sameStory(candidate, {
        signature: story.signature,
        titleTokens: titleTokens(story.title),
        publishedAt: story.lastSeenAt,
      }),
    );
    if (found) {
      if (article.seenAt > found.story.lastSeenAt) found.story.lastSeenAt = article.seenAt;
      if (hammingDistance(candidate.signature, found.story.signature) > DEFAULT_MAX_DISTANCE)
        titleJoins++;
      return found.index;
    }
    stories.push({
      signature: candidate.signature,
      title: article.title,
      lastSeenAt: article.seenAt,
    });
    return stories.length - 1;
  });
  return { stories: assigned, titleJoins };
}

describe.each(testBackends('story_index'))('story lookup on $kind', (backend) => {
  let store: Store;
  let serial = 0;

  beforeAll(async () => {
    store = await openBackend(backend);
  });

  afterAll(async () => {
    if (backend.schema)
      await sql`drop schema if exists ${sql.id(backend.schema)} cascade`.execute(store.db);
    await store.close();
    if (backend.kind === 'pglite') rmSync(backend.dataDir, { recursive: true, force: true });
  });

  async function newArticle(title: string, seenAt: Date): Promise<number> {
    serial += 1;
    const url = `https://example.org/${backend.kind}/${serial}`;
    const { id } = await insertArticleIfNew(store.db, {
      urlKey: url,
      url,
      title,
      feedId: 'feed',
      seenAt,
    });
    return id;
  }

  it('assigns the stories a comparison with every story of the window assigns', async () => {
    const corpus = makeCorpus(7, 300);
    const { stories: expected, titleJoins } = assignByFullScan(corpus);
    const storyIds: number[] = [];
    for (const article of corpus) {
      const articleId = await newArticle(article.title, article.seenAt);
      const { storyId } = await assignStory(store.db, {
        articleId,
        signature: simhash(article.text),
        title: article.title,
        seenAt: article.seenAt,
      });
      storyIds.push(storyId);
    }
    // Same partition, story for story: the nth reference story is the nth story created.
    const byReference = new Map<number, number>();
    expected.forEach((reference, i) => {
      if (!byReference.has(reference)) byReference.set(reference, storyIds[i] as number);
    });
    expect(storyIds).toEqual(expected.map((reference) => byReference.get(reference)));
    // The corpus exercises grouping, by text and by title alone.
    const joins = corpus.length - byReference.size;
    expect(joins).toBeGreaterThan(corpus.length * 0.3);
    expect(titleJoins).toBeGreaterThan(joins * 0.2);
    expect(joins - titleJoins).toBeGreaterThan(joins * 0.2);
  });

  it('falls back to the whole window when band pairs could miss (7 bits apart or more)', async () => {
    const seenAt = (hours: number) => new Date(T0.getTime() + (1_000 + hours) * HOUR);
    const first = await assignStory(store.db, {
      articleId: await newArticle('Fallback', seenAt(0)),
      signature: '0000000000000000',
      title: 'Fallback',
      seenAt: seenAt(0),
    });
    // One bit in each of 7 bytes: 7 bits apart, and no band pair in common.
    const copy = { signature: '0101010101010100', title: 'Other', seenAt: seenAt(1) };
    const joined = await assignStory(store.db, {
      ...copy,
      articleId: await newArticle('Other', seenAt(1)),
      maxDistance: 7,
    });
    expect(joined).toEqual({ storyId: first.storyId, created: false });
    const apart = await assignStory(store.db, {
      ...copy,
      articleId: await newArticle('Other', seenAt(2)),
    });
    expect(apart.created).toBe(true);
  });

  it('assigns an article once when it is assigned several times at once', async () => {
    const seenAt = new Date(T0.getTime() + 2_000 * HOUR);
    const articleId = await newArticle('Concurrent', seenAt);
    const input = {
      articleId,
      signature: simhash('Une dépêche reçue deux fois'),
      title: 'Concurrent',
      seenAt,
    };
    const results = await Promise.all([1, 2, 3].map(() => assignStory(store.db, input)));
    expect(new Set(results.map((result) => result.storyId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const stories = await store.db
      .selectFrom('stories')
      .select('id')
      .where('signature', '=', input.signature)
      .execute();
    expect(stories).toHaveLength(1);
  });
});

/** A database at the first migration only: stories stored before the index existed. */
async function openAtFirstMigration(
  backend: Backend,
  schema: string | undefined,
): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  const pglite =
    backend.kind === 'pglite' ? await PGlite.create(join(backend.dataDir, 'pglite')) : undefined;
  const pool = pglite
    ? new pg.Pool({ ...createPgConfig(pglite), max: 1 })
    : new pg.Pool({ connectionString: PG_URL });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection: async (connection) => {
        if (schema)
          await connection.executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`));
      },
    }),
  });
  if (schema) await sql`create schema ${sql.id(schema)}`.execute(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ '0001-initial': initial }) },
    migrationTableSchema: schema ?? 'public',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return {
    db,
    close: async () => {
      await db.destroy();
      await pglite?.close();
    },
  };
}

describe.each(testBackends('story_backfill', { fresh: true }))(
  'migration 0002 on $kind',
  (backend) => {
    afterAll(async () => {
      if (backend.kind === 'pglite') rmSync(backend.dataDir, { recursive: true, force: true });
    });

    it('gives the stories stored before it their band pairs and title words', async () => {
      const next = random(11);
      const before = await openAtFirstMigration(backend, backend.schema);
      // More than one round of the backfill.
      const rows = Array.from({ length: 1_003 }, (_, i) => ({
        signature: Array.from({ length: 16 }, () => Math.floor(next() * 16).toString(16)).join(''),
        title: `${i % 3 === 0 ? 'La ' : ''}${VOCABULARY[i % VOCABULARY.length]} de ${VOCABULARY[(i * 7) % VOCABULARY.length]}`,
        first_seen_at: T0,
        last_seen_at: new Date(T0.getTime() + (i % 5) * 24 * HOUR),
      }));
      try {
        await before.db.insertInto('stories').values(rows).execute();
      } finally {
        await before.close();
      }
      const store = await openBackend(backend);
      try {
        const stored = await store.db
          .selectFrom('stories')
          .select(['signature', 'title', 'last_seen_at', 'band_pairs', 'title_words'])
          .orderBy('id')
          .execute();
        expect(stored).toHaveLength(rows.length);
        for (const story of stored) {
          const day = [indexDay(story.last_seen_at)];
          expect(story.band_pairs).toEqual(bandPairKeys(story.signature, day));
          expect(story.title_words).toEqual(titleWordKeys(story.title, day));
        }
        expect(stored[0]?.title_words).not.toContain(`${indexDay(T0)}:la`);
      } finally {
        if (backend.schema)
          await sql`drop schema if exists ${sql.id(backend.schema)} cascade`.execute(store.db);
        await store.close();
      }
    });
  },
);
