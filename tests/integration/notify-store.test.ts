// Stories and alerts against a real PostgreSQL: one story per near-duplicate group, one alert per crossing.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAlert } from '../../src/notify/evaluate-alert.ts';
import type { AlertSpec } from '../../src/rules/types.ts';
import { findLatestKeyMatch, getAlert, listAlertsBetween } from '../../src/store/alerts.ts';
import { insertArticleIfNew } from '../../src/store/articles.ts';
import { openDatabase, type Store } from '../../src/store/database.ts';
import { insertEvent } from '../../src/store/events.ts';
import { listStoryArticleIds } from '../../src/store/stories.ts';
import { assignStory } from '../../src/stories/assign.ts';
import { simhash } from '../../src/stories/simhash.ts';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `vigie_notify_test_${process.pid}_${randomUUID().slice(0, 8)}`;
const T0 = new Date('2024-09-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const FIXTURES = join(import.meta.dirname, '../fixtures');
const sample = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

let store: Store;
let serial = 0;

beforeAll(async () => {
  store = await openDatabase({ databaseUrl: PG_URL, dataDir: '/nonexistent', schema: SCHEMA });
});

afterAll(async () => {
  await sql`drop schema if exists ${sql.id(SCHEMA)} cascade`.execute(store.db);
  await store.close();
});

async function newArticle(title: string, seenAt = T0, publishedAt?: Date | null): Promise<number> {
  serial += 1;
  const url = `https://example.org/${serial}`;
  const { id } = await insertArticleIfNew(store.db, {
    urlKey: url,
    url,
    title,
    feedId: `feed-${serial}`,
    seenAt,
    publishedAt,
  });
  return id;
}

describe('assignStory', () => {
  const raid = sample('fr-raid-anbar-2024-09.txt');
  const camps = sample('fr-ei-camps-syrie-2024-12.txt');

  it('puts a near-duplicate in the same story and a different article in another', async () => {
    const first = await newArticle('Raid dans l’Anbar');
    const copy = await newArticle('Un autre titre');
    const other = await newArticle('Camps en Syrie');
    const a = await assignStory(store.db, {
      articleId: first,
      signature: simhash(raid),
      title: 'Raid dans l’Anbar',
      seenAt: T0,
    });
    const b = await assignStory(store.db, {
      articleId: copy,
      signature: simhash(`Publié le 2 septembre\n${raid}\n© Tous droits réservés.`),
      title: 'Un autre titre',
      seenAt: at(90),
    });
    const c = await assignStory(store.db, {
      articleId: other,
      signature: simhash(camps),
      title: 'Camps en Syrie',
      seenAt: at(95),
    });
    expect(a.created).toBe(true);
    expect(b).toEqual({ storyId: a.storyId, created: false });
    expect(c.created).toBe(true);
    expect(c.storyId).not.toBe(a.storyId);
    expect(await listStoryArticleIds(store.db, a.storyId)).toEqual([first, copy]);
  });

  it('keeps an assigned article in its story when assigned again', async () => {
    const id = await newArticle('Idempotence');
    const first = await assignStory(store.db, {
      articleId: id,
      signature: 'ffffffffffffffff',
      title: 'x',
      seenAt: T0,
    });
    const again = await assignStory(store.db, {
      articleId: id,
      signature: '0000000000000000',
      title: 'y',
      seenAt: at(1),
    });
    expect(again).toEqual({ storyId: first.storyId, created: false });
  });

  it('opens one story for near-duplicates assigned concurrently', async () => {
    const text = sample('fr-baghdadi-complot-2019-02.txt');
    const ids = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => newArticle(`Copie ${n}`)));
    const results = await Promise.all(
      ids.map((articleId, n) =>
        assignStory(store.db, {
          articleId,
          signature: simhash(`Édition ${n}\n${text}`),
          title: `Copie ${n}`,
          seenAt: at(200 + n),
        }),
      ),
    );
    expect(new Set(results.map((r) => r.storyId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });
});

describe('evaluateAlert', () => {
  const alert: AlertSpec = {
    threshold: { count: 3, window: '6h', per: 'region' },
    cooldown: '12h',
    channels: ['ops-email', 'soc-hook'],
  };

  /**
   * An article in its own story with an event of `ruleId` in `regions` at `matchedAt`; the article
   * first seen then (or at `seen.at`), published at `seen.published` (or undated).
   */
  async function storyEvent(
    ruleId: string,
    regions: string[],
    matchedAt: Date,
    focusRegions?: string[],
    seen: { at?: Date; published?: Date } = {},
  ): Promise<number> {
    const articleId = await newArticle(`Story for ${ruleId}`, seen.at ?? matchedAt, seen.published);
    const { storyId } = await assignStory(store.db, {
      articleId,
      signature: randomSignature(),
      title: `Story ${articleId}`,
      seenAt: matchedAt,
    });
    await insertEvent(store.db, {
      articleId,
      ruleId,
      score: 2,
      terms: [{ term: 'attentat*', segment: 1, start: 0, end: 8 }],
      regions,
      focusRegions,
      matchedAt,
    });
    return storyId;
  }

  it('makes one alert when 10 workers evaluate the same crossing at once', async () => {
    const stories = [
      await storyEvent('race', ['mosul', 'iraq'], at(10)),
      await storyEvent('race', ['iraq'], at(20)),
      await storyEvent('race', ['iraq', 'syria'], at(30)),
    ];
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        evaluateAlert(store.db, {
          ruleId: 'race',
          regionId: 'iraq',
          severity: 'high',
          alert,
          now: at(30 + n / 10),
        }),
      ),
    );
    const made = runs.filter((run) => run.alert);
    expect(made).toHaveLength(1);
    const rows = await store.db
      .selectFrom('alerts')
      .selectAll()
      .where('rule_id', '=', 'race')
      .execute();
    expect(rows).toHaveLength(1);
    const stored = await getAlert(store.db, made[0]?.alert?.id ?? 0);
    expect(stored).toMatchObject({
      ruleId: 'race',
      regionId: 'iraq',
      storyCount: 3,
      newSinceLast: 3,
    });
    expect(stored?.triggeredBy.stories).toEqual(stories);
    expect(stored?.triggeredBy.terms).toEqual(['attentat*']);
    expect(stored?.triggeredBy.regions.sort()).toEqual(['iraq', 'mosul', 'syria']);
    expect(made[0]?.deliveries.map((d) => [d.channel, d.created])).toEqual([
      ['ops-email', true],
      ['soc-hook', true],
    ]);
    const deliveries = await store.db
      .selectFrom('deliveries')
      .selectAll()
      .where('alert_id', '=', stored?.id ?? 0)
      .execute();
    expect(deliveries).toHaveLength(2);
  });

  it('does not fire below the threshold, counts one story once, and keys regions apart', async () => {
    const story = await storyEvent('below', ['syria'], at(10));
    const copy = await newArticle('copy', at(20));
    await store.db
      .updateTable('articles')
      .set({ story_id: story })
      .where('id', '=', copy)
      .execute();
    await insertEvent(store.db, {
      articleId: copy,
      ruleId: 'below',
      score: 1,
      terms: [],
      regions: ['syria'],
      matchedAt: at(20),
    });
    await storyEvent('below', ['iraq'], at(25));
    const outcome = await evaluateAlert(store.db, {
      ruleId: 'below',
      regionId: 'syria',
      severity: 'high',
      alert,
      now: at(30),
    });
    expect(outcome.decision).toMatchObject({
      fire: false,
      stories: [story],
      reason: 'below-threshold',
    });
    expect(outcome.deliveries).toEqual([]);
  });

  it('waits out the cooldown, then reports how many stories are new', async () => {
    for (const minutes of [0, 10, 20]) await storyEvent('cool', ['iraq'], at(minutes));
    const first = await evaluateAlert(store.db, {
      ruleId: 'cool',
      regionId: '',
      severity: 'medium',
      alert,
      now: at(20),
    });
    expect(first.alert?.storyCount).toBe(3);
    await storyEvent('cool', ['iraq'], at(60));
    const during = await evaluateAlert(store.db, {
      ruleId: 'cool',
      regionId: '',
      severity: 'medium',
      alert,
      now: at(60),
    });
    expect(during.decision.reason).toBe('cooldown');
    for (const minutes of [12 * 60 + 20, 12 * 60 + 30, 12 * 60 + 40])
      await storyEvent('cool', ['iraq'], at(minutes));
    const after = await evaluateAlert(store.db, {
      ruleId: 'cool',
      regionId: '',
      severity: 'medium',
      alert,
      now: at(12 * 60 + 40),
    });
    expect(after.alert).toMatchObject({ storyCount: 3, newSinceLast: 3 });
    const fired = await listAlertsBetween(store.db, at(0), at(24 * 60));
    expect(fired.filter((a) => a.ruleId === 'cool').map((a) => a.newSinceLast)).toEqual([3, 3]);
  });

  it('counts by focus only the stories about the region, and findLatestKeyMatch alike', async () => {
    // Three stories name Israel; only the first is about it (the others name it in passing).
    const about = await storyEvent('focus', ['iraq', 'israel'], at(10), ['israel']);
    await storyEvent('focus', ['iraq', 'israel'], at(20), ['iraq']);
    await storyEvent('focus', ['iraq', 'israel'], at(30), ['iraq']);
    const evaluate = (byFocus: boolean) =>
      evaluateAlert(store.db, {
        ruleId: 'focus',
        regionId: 'israel',
        severity: 'high',
        alert: { ...alert, cooldown: undefined },
        now: at(31),
        byFocus,
      });
    expect((await evaluate(true)).decision).toMatchObject({ fire: false, stories: [about] });
    expect(await findLatestKeyMatch(store.db, 'focus', 'israel', true)).toEqual(at(10));
    expect(await findLatestKeyMatch(store.db, 'focus', 'israel')).toEqual(at(30));
    expect((await evaluate(false)).alert?.storyCount).toBe(3);
  });

  it('counts stories by publication: old ones never, a future date as first seen', async () => {
    const now = at(100);
    const event = (seen: { at?: Date; published?: Date }) =>
      storyEvent('published', ['iraq'], now, undefined, seen);
    await event({ published: new Date('2019-02-01T12:00:00Z') });
    await event({ published: at(100 - 7 * 60) });
    const recent = await event({ published: at(90) });
    const undated = await event({ at: at(95) });
    const future = await event({ at: at(99), published: new Date('2031-01-01T00:00:00Z') });
    const outcome = await evaluateAlert(store.db, {
      ruleId: 'published',
      regionId: 'iraq',
      severity: 'high',
      alert,
      now,
    });
    // By matched_at all five would count; with the future date taken as it is, only two.
    expect(outcome.decision.stories).toEqual([recent, undated, future]);
    expect(outcome.alert?.storyCount).toBe(3);
  });

  it('fires a spike when the window holds more than factor × the baseline’s average', async () => {
    const spike: AlertSpec = {
      spike: { factor: 3, window: '24h', baseline: '14d', min: 5, per: 'region' },
      channels: ['ops-email'],
    };
    const DAY = 24 * 60;
    // Two stories a day about Iraq over the 14 days before the window, some about Syria.
    for (let day = 1; day <= 14; day++)
      for (const minutes of [-day * DAY - 60, -day * DAY - 120])
        await storyEvent('spiky', ['iraq'], at(minutes));
    await storyEvent('spiky', ['syria'], at(-DAY + 60));
    const evaluate = (now: Date) =>
      evaluateAlert(store.db, {
        ruleId: 'spiky',
        regionId: 'iraq',
        severity: 'high',
        alert: spike,
        now,
      });
    const today: number[] = [];
    for (let n = 1; n <= 6; n++) today.push(await storyEvent('spiky', ['iraq'], at(n * 10)));
    // Six today against two a day: three times the usual is not above it.
    expect((await evaluate(at(60))).decision).toMatchObject({
      fire: false,
      reason: 'no-spike',
      expected: 2,
    });
    today.push(await storyEvent('spiky', ['iraq'], at(70)));
    const fired = await evaluate(at(70));
    expect(fired.decision).toMatchObject({ fire: true, stories: today, expected: 2 });
    expect(fired.alert).toMatchObject({ storyCount: 7, newSinceLast: 7 });
    expect(fired.alert?.triggeredBy.expected).toBe(2);
    // The alert reports the window's events only, not the baseline's.
    expect(fired.alert?.triggeredBy.events).toHaveLength(7);
    expect(fired.deliveries.map((delivery) => delivery.channel)).toEqual(['ops-email']);
  });

  it('fires a critical rule on its first story', async () => {
    await storyEvent('crit', ['mali'], at(5));
    const outcome = await evaluateAlert(store.db, {
      ruleId: 'crit',
      regionId: 'mali',
      severity: 'critical',
      alert,
      now: at(5),
    });
    expect(outcome.alert?.storyCount).toBe(1);
  });
});

function randomSignature(): string {
  return randomUUID().replaceAll('-', '').slice(0, 16);
}
