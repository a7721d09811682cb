// Digests end to end on PostgreSQL and PGlite: scheduled periods across DST with an injected clock, the watermark,
// skipEmpty, running build-digest twice, and the mail as a real SMTP server receives it.
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type VigieConfig } from '../../src/config/load.ts';
import type { DigestSpec } from '../../src/config/schema.ts';
import { connectRedis, type Deps, openDeps } from '../../src/deps.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { loadDigestContent } from '../../src/notify/digest-content.ts';
import {
  closeQueues,
  createQueues,
  QUEUE,
  upsertDigestSchedulers,
  upsertFeedScheduler,
} from '../../src/queues/index.ts';
import { getDigestWatermark, listDigestRuns } from '../../src/store/digests.ts';
import type { BuildDigestResult } from '../../src/workers/build-digest.worker.ts';
import { WORKERS } from '../../src/workers/index.ts';
import type { SendDigestResult } from '../../src/workers/send-digest.worker.ts';
import {
  digestMails,
  occurrences,
  runDigest,
  startSmtp,
  storeMatch,
  type TestSmtp,
} from './digest-helpers.ts';
import {
  type Backend,
  closeTestDeps,
  type LocalServer,
  openBackend,
  startLocalServer,
  testBackends,
  testEnv,
  uniquePrefix,
} from './pipeline-helpers.ts';

const HOSTILE_TITLE = '<script>alert(1)</script>\r\nBcc: x@y « Mossoul » & "Raqqa"';
const HOUR = 3_600_000;

function digest(overrides: Partial<DigestSpec> = {}): DigestSpec {
  return {
    cron: '0 8 * * *',
    timezone: 'Europe/Paris',
    channels: ['ops-email'],
    skipEmpty: true,
    ...overrides,
  };
}

async function digestConfig(hookUrl: string): Promise<VigieConfig> {
  const base = await loadConfig('tests/fixtures/config/valid');
  return {
    ...base,
    feeds: [],
    notify: {
      channels: {
        'ops-email': { type: 'email', to: ['analyst@example.org'] },
        hook: { type: 'webhook', url: hookUrl, secret: 's3cret' },
      },
      digests: {
        // ei-attentats names daily-fr in the fixture's rules.yaml.
        'daily-fr': digest(),
        twice: digest({ rules: ['ei-attentats', 'mossoul'] }),
        quiet: digest({ rules: ['ei-attentats'] }),
        'quiet-all': digest({
          rules: ['ei-attentats'],
          skipEmpty: false,
          channels: ['ops-email', 'hook'],
        }),
        late: digest({ rules: ['ei-attentats'], skipEmpty: false }),
        legacy: digest({ rules: ['ei-attentats'], skipEmpty: false }),
      },
    },
  };
}

/** A job to call a processor with; `moveToDelayed` (a delivery leased by another) does nothing. */
function fakeJob(data: unknown, attemptsMade = 0): Job {
  return {
    data,
    attemptsMade,
    attemptsStarted: attemptsMade + 1,
    opts: { attempts: 5 },
    token: 'fake',
    moveToDelayed: async () => undefined,
  } as unknown as Job;
}

describe.each(testBackends('digest'))('digests on $kind', (backend: Backend) => {
  const clock = fixedClock('2026-01-01T00:00:00Z');
  let deps: Deps;
  let smtp: TestSmtp;
  let hooks: LocalServer;

  beforeAll(async () => {
    smtp = await startSmtp();
    hooks = await startLocalServer();
    hooks.routes.set('/digest', () => ({ status: 204 }));
    const prefix = uniquePrefix('digest');
    deps = await openDeps({
      env: { ...testEnv(backend, prefix), smtpUrl: smtp.url },
      config: await digestConfig(`${hooks.url}/digest`),
      store: await openBackend(backend),
      prefix,
      clock,
      log: createLogger(process.env.LOG_LEVEL || 'silent'),
      defaultJobOptions: { backoff: { type: 'exponential', delay: 100, jitter: 0.5 } },
    });
  });

  afterAll(async () => {
    if (deps) await closeTestDeps(deps, backend);
    await smtp?.close();
    await hooks?.close();
  });

  it('covers adjacent periods across the spring DST change: 24 h, then 23 h, each event once', async () => {
    const db = deps.store.db;
    const before = await storeMatch(db, {
      title: 'Attentat la veille',
      url: 'https://e.org/veille',
      ruleId: 'ei-attentats',
      regions: ['iraq'],
      matchedAt: new Date('2026-03-27T12:00:00Z'),
    });
    await storeMatch(db, {
      title: 'Attentat à 08:00 pile',
      url: 'https://e.org/boundary',
      ruleId: 'ei-attentats',
      regions: ['iraq'],
      matchedAt: new Date('2026-03-28T07:00:00.000Z'),
      feeds: ['feed-a', 'feed-b'],
    });
    await storeMatch(db, {
      title: HOSTILE_TITLE,
      url: 'https://e.org/hostile',
      ruleId: 'ei-attentats',
      regions: ['syria'],
      matchedAt: new Date('2026-03-29T05:59:59.999Z'),
    });
    await storeMatch(db, {
      title: 'Attentat après 08:00 CEST',
      url: 'https://e.org/after',
      ruleId: 'ei-attentats',
      regions: ['iraq'],
      matchedAt: new Date('2026-03-29T06:00:00.000Z'),
    });
    await storeMatch(db, {
      title: 'Mossoul, autre règle',
      url: 'https://e.org/other-rule',
      ruleId: 'mossoul',
      regions: ['iraq'],
      matchedAt: new Date('2026-03-28T12:00:00Z'),
    });
    await db
      .insertInto('alerts')
      .values({
        rule_id: 'ei-attentats',
        region_id: 'iraq',
        window_start: new Date('2026-03-28T14:00:00Z'),
        window_end: new Date('2026-03-28T20:00:00Z'),
        story_count: 3,
        triggered_by: '{}',
        created_at: new Date('2026-03-28T20:00:00Z'),
      })
      .execute();
    expect(before).toBeGreaterThan(0);

    // 08:00:10 in Paris, winter time, then 08:00:10 the next day, summer time.
    clock.set('2026-03-28T07:00:10Z');
    const first = await runDigest(deps, 'daily-fr');
    clock.set('2026-03-29T06:00:10Z');
    const second = await runDigest(deps, 'daily-fr');
    expect([...first, ...second].filter((outcome) => outcome.error)).toEqual([]);

    const runs = await listDigestRuns(db, 'daily-fr');
    expect(runs.map((run) => [run.periodStart.toISOString(), run.periodEnd.toISOString()])).toEqual(
      [
        ['2026-03-27T07:00:00.000Z', '2026-03-28T07:00:00.000Z'],
        ['2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z'],
      ],
    );
    expect(runs.map((run) => (run.periodEnd.getTime() - run.periodStart.getTime()) / HOUR)).toEqual(
      [24, 23],
    );
    expect(runs.map((run) => run.eventCount)).toEqual([1, 2]);
    expect(await getDigestWatermark(db, 'daily-fr')).toEqual(new Date('2026-03-29T06:00:00Z'));

    const [winter, spring] = smtp.received.slice(-2);
    expect(smtp.received).toHaveLength(2);
    expect(winter?.messageId).toBe(`<digest-${runs[0]?.id}@vigie>`);
    expect(winter?.text).toContain('Attentat la veille');
    expect(winter?.text).not.toContain('08:00 pile');
    expect(spring?.messageId).toBe(`<digest-${runs[1]?.id}@vigie>`);
    expect(spring?.subject).toBe(
      '[vigie] Digest daily-fr: 2 stories, 1 alert (2026-03-28 08:00 CET – 2026-03-29 08:00 CEST)',
    );
    const text = spring?.text ?? '';
    for (const absent of ['Attentat la veille', 'après 08:00 CEST', 'autre règle']) {
      expect(text).not.toContain(absent);
    }
    const order = [
      "Attentats de l'État islamique — Irak: 1",
      "Attentats de l'État islamique — Syrie: 1",
      'Alerts fired:',
      '== Stories ==',
      "* Attentat à 08:00 pile\n  [Attentats de l'État islamique — Irak]\n  feed-a, feed-b",
      '* <script>alert(1)</script> Bcc: x@y « Mossoul » & "Raqqa"',
      "[Attentats de l'État islamique — Syrie]",
    ];
    const positions = order.map((needle) => text.indexOf(needle));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('delivers an article title with HTML and CR/LF escaped in HTML, whole in text, with no injected header', () => {
    const mail = smtp.received[1];
    expect(mail?.headers.has('bcc')).toBe(false);
    expect(smtp.envelopes.at(-1)).toEqual(['analyst@example.org']);
    const html = String(mail?.html);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; Bcc: x@y « Mossoul » &amp; &quot;Raqqa&quot;',
    );
    expect(mail?.subject).not.toMatch(/[\r\n]/);
  });

  it('makes one run and one mail when build-digest runs twice for one period, and send-digest twice', async () => {
    await storeMatch(deps.store.db, {
      title: 'Deux workers, un digest',
      url: 'https://e.org/twice',
      ruleId: 'mossoul',
      regions: [],
      matchedAt: new Date('2026-05-09T12:00:00Z'),
    });
    clock.set('2026-05-10T06:00:10Z');
    const before = smtp.received.length;
    const build = () =>
      WORKERS[QUEUE.buildDigest].process(
        deps,
        fakeJob({ digestId: 'twice' }),
      ) as Promise<BuildDigestResult>;
    const builds = await Promise.all([build(), build()]);
    expect(builds[0]?.runId).toBe(builds[1]?.runId);
    expect(builds.map((result) => result.deliveries).sort()).toEqual([0, 1]);
    const runs = await listDigestRuns(deps.store.db, 'twice');
    expect(runs).toHaveLength(1);

    const delivery = await deps.store.db
      .selectFrom('deliveries')
      .select('id')
      .where('digest_run_id', '=', runs[0]?.id ?? 0)
      .executeTakeFirstOrThrow();
    const send = () =>
      WORKERS[QUEUE.sendDigest].process(
        deps,
        fakeJob({ deliveryId: delivery.id }),
      ) as Promise<SendDigestResult>;
    const sends = await Promise.allSettled([send(), send()]);
    const sent = sends.filter((result) => result.status === 'fulfilled' && result.value.sent);
    expect(sent).toHaveLength(1);
    // The other found it sent, or leased by the first: it waits, delayed, for that lease to end.
    const other = sends.find((result) => !sent.includes(result));
    if (other?.status === 'rejected') expect(other.reason).toMatchObject({ name: 'DelayedError' });
    else expect(other?.value).toMatchObject({ skipped: 'sent' });
    // A retry of the build after its sends went out re-offers nothing; the queued send finds it sent.
    const retry = (await WORKERS[QUEUE.buildDigest].process(
      deps,
      fakeJob({ digestId: 'twice' }, 1),
    )) as BuildDigestResult;
    expect(retry).toMatchObject({
      runId: runs[0]?.id,
      deliveries: 0,
      skipped: 'period already done',
    });
    await runDigest(deps, 'twice');
    expect(await listDigestRuns(deps.store.db, 'twice')).toHaveLength(1);
    expect(smtp.received.length - before).toBe(1);
    expect(smtp.received.at(-1)?.text).toContain('(no region)');
    expect(smtp.received.at(-1)?.text).toContain('Deux workers, un digest');
  });

  it('does not send the run of a digest since removed from notify.yaml', async () => {
    const [run] = await listDigestRuns(deps.store.db, 'twice');
    const delivery = await deps.store.db
      .updateTable('deliveries')
      .set({ state: 'pending', sent_at: null, claimed_at: null })
      .where('digest_run_id', '=', run?.id ?? 0)
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = smtp.received.length;
    const notify = { ...deps.config.notify, digests: {} };
    const removed: Deps = { ...deps, config: { ...deps.config, notify } };
    const result = (await WORKERS[QUEUE.sendDigest].process(
      removed,
      fakeJob({ deliveryId: delivery.id }),
    )) as SendDigestResult;
    expect(result.error).toBe('notify: digest twice is no longer in notify.yaml');
    expect(smtp.received.length).toBe(before);
    const row = await deps.store.db
      .selectFrom('deliveries')
      .select('state')
      .where('id', '=', delivery.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('failed');
  });

  it('sends nothing for an empty period when skipEmpty, and says nothing matched otherwise', async () => {
    clock.set('2026-06-01T06:00:10Z');
    const mailsBefore = smtp.received.length;
    const hooksBefore = hooks.hits.length;
    await runDigest(deps, 'quiet');
    const [quiet] = await listDigestRuns(deps.store.db, 'quiet');
    expect(quiet).toMatchObject({ eventCount: 0, periodEnd: new Date('2026-06-01T06:00:00Z') });
    expect(await getDigestWatermark(deps.store.db, 'quiet')).toEqual(
      new Date('2026-06-01T06:00:00Z'),
    );
    const deliveries = await deps.store.db
      .selectFrom('deliveries')
      .select('id')
      .where('digest_run_id', '=', quiet?.id ?? 0)
      .execute();
    expect(deliveries).toEqual([]);
    expect(smtp.received.length).toBe(mailsBefore);

    await runDigest(deps, 'quiet-all');
    expect(smtp.received.length).toBe(mailsBefore + 1);
    const mail = smtp.received.at(-1);
    expect(mail?.subject).toMatch(/^\[vigie\] Digest quiet-all: 0 stories \(/);
    expect(mail?.text).toContain('Nothing matched in this period.');
    expect(mail?.text).toContain('No alert fired in this period.');
    const [hook] = hooks.hits.slice(hooksBefore);
    expect(hook).toMatchObject({ path: '/digest', status: 204 });
    expect(hook?.headers['x-vigie-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);

    // The next run an hour later has no new period: nothing stored, nothing sent.
    clock.set('2026-06-01T07:00:00Z');
    await runDigest(deps, 'quiet-all');
    expect(await listDigestRuns(deps.store.db, 'quiet-all')).toHaveLength(1);
    expect(smtp.received.length).toBe(mailsBefore + 1);
  });

  it('shows an event stamped in a period but stored after its run in the next run, once', async () => {
    const db = deps.store.db;
    const match = (title: string, matchedAt: string) =>
      storeMatch(db, {
        title,
        url: `https://e.org/${encodeURIComponent(title)}`,
        ruleId: 'ei-attentats',
        regions: ['iraq'],
        matchedAt: new Date(matchedAt),
      });
    await match('Attentat à l’heure, période 1', '2026-07-01T03:00:00Z');
    // Period 1 ends at 08:00 CEST (06:00Z); both digests build it before the late event is stored.
    clock.set('2026-07-01T06:00:10Z');
    await runDigest(deps, 'late');
    await runDigest(deps, 'legacy');
    // A run stored before the event ids were kept: the next one shows its period alone.
    await db
      .updateTable('digests')
      .set({ first_event_id: null, last_event_id: null })
      .where('digest_id', '=', 'legacy')
      .execute();
    await match('Attentat tardif, période 1', '2026-07-01T05:59:59.999Z');
    await match('Attentat à l’heure, période 2', '2026-07-01T12:00:00Z');
    clock.set('2026-07-02T06:00:10Z');
    await runDigest(deps, 'late');
    await runDigest(deps, 'legacy');
    clock.set('2026-07-03T06:00:10Z');
    await runDigest(deps, 'late');

    const runs = await listDigestRuns(db, 'late');
    expect(runs.map((run) => run.eventCount)).toEqual([1, 2, 0]);
    expect(runs[0]?.firstEventId).toBeNull();
    expect(runs[1]?.firstEventId).toBe(runs[0]?.lastEventId);
    expect(runs[2]?.firstEventId).toBe(runs[1]?.lastEventId);
    const [one, two, three] = digestMails(smtp.received, 'late').map((mail) => mail.text ?? '');
    expect(occurrences(one ?? '', 'période 1')).toBe(1);
    expect(one).not.toContain('tardif');
    expect(occurrences(two ?? '', 'Attentat tardif, période 1')).toBe(1);
    expect(two).toContain('Attentat à l’heure, période 2');
    expect(two).not.toContain('Attentat à l’heure, période 1');
    expect(three).toContain('Nothing matched in this period.');
    expect(three).not.toContain('tardif');

    const legacy = await listDigestRuns(db, 'legacy');
    expect(legacy.map((run) => [run.eventCount, run.firstEventId])).toEqual([
      [1, null],
      [1, null],
    ]);
    const legacyMail = digestMails(smtp.received, 'legacy').at(-1)?.text ?? '';
    expect(legacyMail).toContain('Attentat à l’heure, période 2');
    expect(legacyMail).not.toContain('tardif');

    // Without the run's ids (an old row, or a preview), the period alone, as before.
    const second = runs[1];
    if (!second) throw new Error('no second run');
    const rules = [{ id: 'ei-attentats' }];
    const period = { digestId: 'late', rules, start: second.periodStart, end: second.periodEnd };
    const titles = async (ids: { firstEventId?: number | null; lastEventId?: number | null }) =>
      (await loadDigestContent(db, { ...period, ...ids })).groups.flatMap((group) =>
        group.stories.map((story) => story.title),
      );
    expect(await titles({ firstEventId: null, lastEventId: null })).toEqual([
      'Attentat à l’heure, période 2',
    ]);
    expect(await titles(second)).toEqual([
      'Attentat tardif, période 1',
      'Attentat à l’heure, période 2',
    ]);
  });
});

describe('upsertDigestSchedulers', () => {
  it('keeps one cron scheduler per digest in its time zone and removes those of digests gone', async () => {
    const connection = await connectRedis('redis://127.0.0.1:6379');
    const queues = createQueues({ connection, prefix: uniquePrefix('digest-schedulers') });
    try {
      await upsertFeedScheduler(queues);
      const daily = { cron: '0 8 * * *', timezone: 'Europe/Paris' };
      await upsertDigestSchedulers(queues, {
        'daily-fr': daily,
        weekly: { ...daily, cron: '0 7 * * 1' },
      });
      await upsertDigestSchedulers(queues, {
        'daily-fr': daily,
        weekly: { ...daily, cron: '0 7 * * 1' },
      });
      const queue = queues[QUEUE.buildDigest];
      expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual([
        'digest-daily-fr',
        'digest-weekly',
      ]);
      const scheduler = await queue.getJobScheduler('digest-daily-fr');
      expect(scheduler).toMatchObject({ pattern: '0 8 * * *', tz: 'Europe/Paris' });
      expect(scheduler?.template?.data).toEqual({ digestId: 'daily-fr' });
      const next = new Date(scheduler?.next ?? 0);
      const paris = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      expect(paris.format(next)).toBe('08:00');
      expect(next.getTime() - Date.now()).toBeLessThanOrEqual(25 * HOUR);

      await upsertDigestSchedulers(queues, { 'daily-fr': daily });
      expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['digest-daily-fr']);
      expect(await queues[QUEUE.scheduleFeeds].getJobScheduler('feed-scheduler')).toBeDefined();
    } finally {
      await Promise.all(Object.values(queues).map((queue) => queue.obliterate({ force: true })));
      await closeQueues(queues);
      await connection.quit();
    }
  });
});
