// Stored events for the workspace tests: articles in two feeds, one story of three copies, accents.
import { insertArticleIfNew } from '../../src/store/articles.ts';
import { insertEvent } from '../../src/store/events.ts';
import type { Db } from '../../src/store/types.ts';

export const T0 = new Date('2024-09-01T10:00:00Z');
export const hoursAfter = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

export interface SeedArticle {
  key: string;
  title: string;
  text: string;
  feedId: string;
  /** Hours after T0; undefined: no publication date (counts when first seen, `seenHours`). */
  publishedHours?: number | undefined;
  seenHours: number;
  rules: { id: string; regions: string[]; term: string }[];
  story?: string | undefined;
}

/** Ten articles: rule `attacks` on every one, `mosul-watch` on those naming Mossoul. */
export const SEED: SeedArticle[] = [
  ...Array.from({ length: 7 }, (_, i) => ({
    key: `plain-${i}`,
    title: `Attentat numéro ${i}`,
    text: `Un attentat a eu lieu à Bagdad, le ${i}e cette semaine.`,
    feedId: i % 2 === 0 ? 'feed-a' : 'feed-b',
    publishedHours: i,
    seenHours: i + 1,
    rules: [{ id: 'attacks', regions: ['baghdad', 'iraq'], term: 'attentat*' }],
  })),
  {
    key: 'mosul-1',
    title: 'Explosion à Mossoul',
    text: 'Une explosion a frappé MOSSOUL ce matin. Les forces irakiennes enquêtent.',
    feedId: 'feed-a',
    publishedHours: 10,
    seenHours: 10,
    rules: [
      { id: 'attacks', regions: ['mosul', 'nineveh', 'iraq'], term: 'explosion' },
      { id: 'mosul-watch', regions: ['mosul', 'nineveh', 'iraq'], term: 'explosion' },
    ],
    story: 'mosul',
  },
  {
    key: 'mosul-2',
    title: 'Nouvelle explosion signalée',
    text: 'À Mossoul, une explosion a été entendue près du marché.',
    feedId: 'feed-b',
    seenHours: 11,
    rules: [{ id: 'attacks', regions: ['mosul', 'nineveh', 'iraq'], term: 'explosion' }],
    story: 'mosul',
  },
  {
    key: 'script',
    title: 'Explosion <script>alert(1)</script> à Erbil',
    text: 'Une explosion à Erbil, <b>selon</b> la police.',
    feedId: 'feed-b',
    // Dated after it was first seen: counts when first seen (hour 12).
    publishedHours: 40,
    seenHours: 12,
    rules: [{ id: 'attacks', regions: ['erbil', 'iraq'], term: 'explosion' }],
    story: 'mosul',
  },
];

/** Stores SEED; the story `mosul` also gets a copy from feed-c that no rule matched. */
export async function seedEvents(db: Db): Promise<void> {
  const [story] = await db
    .insertInto('stories')
    .values({ signature: '0'.repeat(16), title: 'mosul', first_seen_at: T0, last_seen_at: T0 })
    .returning('id')
    .execute();
  if (!story) throw new Error('seed: no story');
  const copy = await insertArticleIfNew(db, {
    urlKey: 'https://c.example/copy',
    url: 'https://c.example/copy',
    title: 'Copie',
    text: 'Copie sans règle.',
    feedId: 'feed-c',
    seenAt: hoursAfter(13),
  });
  await db.updateTable('articles').set({ story_id: story.id }).where('id', '=', copy.id).execute();
  for (const seed of SEED) {
    const url = `https://${seed.feedId}.example/${seed.key}`;
    const { id } = await insertArticleIfNew(db, {
      urlKey: url,
      url,
      title: seed.title,
      text: seed.text,
      feedId: seed.feedId,
      publishedAt: seed.publishedHours === undefined ? null : hoursAfter(seed.publishedHours),
      seenAt: hoursAfter(seed.seenHours),
    });
    if (seed.story) {
      await db.updateTable('articles').set({ story_id: story.id }).where('id', '=', id).execute();
    }
    for (const rule of seed.rules) {
      const start = seed.text.toLowerCase().indexOf(rule.term.replace('*', ''));
      await insertEvent(db, {
        articleId: id,
        ruleId: rule.id,
        score: 1 + seed.rules.indexOf(rule),
        terms: [
          { term: rule.term, segment: 1, start, end: start + rule.term.replace('*', '').length },
        ],
        regions: rule.regions,
        matchedAt: hoursAfter(seed.seenHours),
      });
    }
  }
}
