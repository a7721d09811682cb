// The workspace as an analyst uses it: `vigie run` with stored events on a free loopback port, and
// real Chromium (playwright-core) clicking through its pages. PostgreSQL (a schema of its own) by
// default: a fresh PGlite costs 5–9 s more here, and workspace-http.test.ts covers the pages on
// PGlite; BROWSER_TEST_PGLITE=1 runs the same on the embedded database, as `vigie run` defaults.
// Each page: no serious or critical axe-core violation, nothing refused by the CSP, a screenshot
// in test-results/screenshots/ for review.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/lib/password.ts';
import { insertAlert } from '../../src/store/alerts.ts';
import type { Store } from '../../src/store/database.ts';
import { insertDeliveries } from '../../src/store/deliveries.ts';
import type { Db } from '../../src/store/types.ts';
import { upsertUser } from '../../src/store/users.ts';
import { clearQueues, spawnVigie, type VigieProcess } from '../integration/fault-helpers.ts';
import {
  articlePage,
  type Backend,
  openBackend,
  PG_URL,
  uniquePrefix,
} from '../integration/pipeline-helpers.ts';
import { freePort } from '../integration/smtp-helpers.ts';
import { hoursAfter, seedEvents } from '../integration/workspace-seed.ts';
import {
  computedStyle,
  launchChromium,
  screenshot,
  seriousViolations,
  watchPage,
} from './browser-helpers.ts';

const prefix = uniquePrefix('browser');
const onPglite = process.env.BROWSER_TEST_PGLITE === '1';
const dataDir = mkdtempSync(join(tmpdir(), 'vigie-browser-data-'));
const backend: Backend = onPglite
  ? { kind: 'pglite', dataDir }
  : {
      kind: 'postgres',
      dataDir,
      schema: `vigie_browser_${process.pid}_${Date.now().toString(36)}`,
    };
let configDir: string;
let site: Server;
let siteUrl: string;
let store: Store | undefined;
let vigie: VigieProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let problems: string[];
let base: string;

const USER = 'ana';
const PASSWORD = 'correct horse battery';

/** The rules and regions workspace-seed.ts's events name; feeds on a local site. */
function writeConfig(dir: string, siteUrl: string): void {
  const files: Record<string, string> = {
    'rules.yaml': `rules:
  - id: attacks
    name: Attacks in Iraq
    severity: high
    match: {any: ["attentat*", explosion]}
    alert: {threshold: {count: 3, window: 6h}, channels: [hook]}
  - id: mosul-watch
    severity: low
    match: {any: [explosion]}
`,
    'regions.yaml': `regions:
  - id: iraq
    names: [Irak]
    children:
      - id: nineveh
        names: [Ninive]
        children:
          - {id: mosul, names: [Mossoul]}
      - {id: baghdad, names: [Bagdad]}
      - {id: erbil, names: [Erbil]}
`,
    'feeds.yaml': `feeds:
  - {id: feed-a, name: "Agence <A>", url: "${siteUrl}/a.xml", every: 1h}
  - {id: feed-b, url: "${siteUrl}/b.xml", every: 1h}
# The seeded events are of 2024: kept, text and all, from the retention job.
retention: {articleText: 3650d, events: 3650d}
`,
    'notify.yaml': `channels:
  hook: {type: webhook, url: "${siteUrl}/hook"}
digests:
  morning: {cron: "0 8 * * *", timezone: Europe/Paris, channels: [hook], skipEmpty: true}
`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

/** The feeds' site: empty feeds, so that vigie's fetches succeed and add nothing; one article. */
async function startSite(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.url === '/article') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void response.end(
        articlePage('Attentat à Bagdad', [
          'Un attentat a frappé Bagdad ce matin, près du marché central de la ville.',
          'Les forces de sécurité irakiennes ont bouclé le quartier et ouvert une enquête.',
        ]),
      );
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(
      '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** One alert of `attacks` (per rule, as rules.yaml has it): its webhook delivery failed for good, with the reason. */
async function seedAlert(db: Db): Promise<void> {
  const story = await db.selectFrom('stories').select('id').executeTakeFirstOrThrow();
  const alert = await insertAlert(db, {
    ruleId: 'attacks',
    regionId: '',
    windowStart: hoursAfter(5),
    windowEnd: hoursAfter(11),
    storyCount: 1,
    newSinceLast: 1,
    triggeredBy: {
      stories: [story.id],
      events: [],
      articles: [],
      terms: ['explosion'],
      regions: ['iraq'],
    },
    createdAt: hoursAfter(11),
  });
  await insertDeliveries(db, { alertId: alert.id }, ['hook'], hoursAfter(11));
  await db
    .updateTable('deliveries')
    .set({ state: 'failed', last_error: 'webhook answered 410 Gone', attempts: 1 })
    .where('alert_id', '=', alert.id)
    .execute();
}

beforeAll(async () => {
  const started = startSite();
  const launched = launchChromium();
  configDir = mkdtempSync(join(tmpdir(), 'vigie-browser-config-'));
  store = await openBackend(backend);
  await seedEvents(store.db);
  await seedAlert(store.db);
  await upsertUser(store.db, {
    name: USER,
    passwordHash: await hashPassword(PASSWORD),
    now: new Date(),
  });
  if (onPglite) {
    // One process per PGlite data directory: vigie run's from here on.
    await store.close();
    store = undefined;
  }
  const { server, url } = await started;
  site = server;
  siteUrl = url;
  writeConfig(configDir, url);
  const port = await freePort();
  vigie = spawnVigie(['run'], {
    VIGIE_CONFIG: configDir,
    VIGIE_DATA_DIR: dataDir,
    ...(backend.schema ? { DATABASE_URL: PG_URL, VIGIE_DATABASE_SCHEMA: backend.schema } : {}),
    VIGIE_QUEUE_PREFIX: prefix,
    VIGIE_ALLOW_HOSTS: '127.0.0.1',
    PORT: String(port),
  });
  await vigie.started;
  base = `http://127.0.0.1:${port}`;
  browser = await launched;
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 1200, height: 900 },
  });
  page = await context.newPage();
  // Under vitest's 30 s: a missing element fails with Playwright's own message.
  page.setDefaultTimeout(10_000);
  problems = watchPage(page);
});

afterAll(async () => {
  await browser?.close();
  if (vigie && vigie.child.exitCode === null) {
    vigie.child.kill('SIGTERM');
    await vigie.exited;
  }
  await clearQueues(prefix);
  if (store && backend.schema) {
    await sql`drop schema if exists ${sql.id(backend.schema ?? '')} cascade`.execute(store.db);
    await store.close();
  }
  await new Promise((resolve) => site?.close(resolve));
  for (const dir of [configDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The titles of the events listed, in order. */
function titles(): Promise<string[]> {
  return page.locator('ol.events h2').allTextContents();
}

/** Chromium logs a page answered with `status` as a failed load: expected, not the page's fault. */
function dropFailedLoads(status: number): void {
  const kept = problems.filter((line) => !line.includes(`status of ${status}`));
  problems.splice(0, problems.length, ...kept);
}

/** Signs in through /login unless the header already says so. */
async function signIn(): Promise<void> {
  if (!page.url().startsWith(base)) await page.goto('/events');
  if ((await page.locator('header').textContent())?.includes(`Signed in as ${USER}`)) return;
  await page.goto('/login');
  await page.getByLabel('User name').fill(USER);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/events/);
}

/** Follows the header's link to a section of the workspace. */
async function section(name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
}

/** axe-core clean, nothing the page itself complained about, and a screenshot. */
async function checkPage(name: string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
  expect(problems, name).toEqual([]);
  await screenshot(page, name);
}

describe('/events in Chromium', () => {
  it('opens from /, lists every event newest first, styled under the CSP, script shown as text', async () => {
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/events');
    await expect.poll(() => page.title()).toBe('Events · vigie');
    const listed = await titles();
    expect(listed).toHaveLength(11);
    expect(listed[0]).toBe('Explosion <script>alert(1)</script> à Erbil');
    expect(listed.at(-1)).toBe('Attentat numéro 0');
    // The hashed style sheet applies: the CSP let it through.
    const mark = page.locator('mark').first();
    expect(await computedStyle(mark, 'background-color')).toBe('rgb(255, 226, 122)');
    await checkPage('events');
  });

  it('filters by rule, by region with the regions inside it, and by words', async () => {
    await page.goto('/events');
    await page.getByLabel('Rule').selectOption({ label: 'mosul-watch' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/rule=mosul-watch/);
    expect(await titles()).toEqual(['Explosion à Mossoul']);

    await page.getByLabel('Rule').selectOption({ label: 'Any rule' });
    await page.getByLabel('Region').selectOption('nineveh');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/region=nineveh/);
    expect(await titles()).toEqual([
      'Nouvelle explosion signalée',
      'Explosion à Mossoul',
      'Explosion à Mossoul',
    ]);
    await checkPage('events-region');

    await page.getByLabel('Region').selectOption({ label: 'Any region' });
    await page.getByLabel('Words in title or text').fill('numero 2');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/q=numero\+2/);
    expect(await titles()).toEqual(['Attentat numéro 2']);
    expect(await page.getByLabel('Words in title or text').inputValue()).toBe('numero 2');
    expect(await page.locator('ol.events mark').allTextContents()).toEqual(['attentat']);
    await checkPage('events-words');
  });

  it('pages with "Next page" to the last event, the filters kept', async () => {
    await page.goto('/events?rule=attacks&limit=4');
    const seen: string[] = [];
    for (let pages = 1; ; pages++) {
      seen.push(...(await titles()));
      expect(await page.getByLabel('Rule').inputValue()).toBe('attacks');
      const next = page.getByRole('link', { name: 'Next page' });
      if ((await next.count()) === 0) {
        expect(pages).toBe(3);
        break;
      }
      await next.click();
      await page.waitForURL(/cursor=/);
      if (pages === 1) await checkPage('events-page-2');
    }
    expect(seen).toHaveLength(10);
    expect(seen.slice(0, 3)).toEqual([
      'Explosion <script>alert(1)</script> à Erbil',
      'Nouvelle explosion signalée',
      'Explosion à Mossoul',
    ]);
    expect(seen.at(-1)).toBe('Attentat numéro 0');
  });

  it('refuses a bad filter with its reason above the form, what was typed kept', async () => {
    await page.goto('/events');
    await page.getByLabel('Since').fill('hier');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/since=hier/);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^since: expected a day/);
    expect(await page.getByLabel('Since').inputValue()).toBe('hier');
    dropFailedLoads(400);
    await checkPage('events-error');
  });
});

describe('signing in', () => {
  it('refuses a wrong password saying so, then signs in', async () => {
    await page.goto('/events?rule=mosul-watch');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('User name').fill(USER);
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    expect(await page.getByLabel('User name').inputValue()).toBe(USER);
    dropFailedLoads(401);
    await checkPage('login-refused');

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/events/);
    expect(await page.locator('header').textContent()).toContain(`Signed in as ${USER}`);
    await checkPage('events-signed-in');
  });
});

describe('labels', () => {
  it('a signed-in analyst labels an event relevant, then changes their mind', async () => {
    await signIn();
    await page.goto('/events?rule=mosul-watch');
    const form = page.getByRole('form', { name: /^Label event \d+$/ });
    const relevant = form.getByRole('button', { name: 'Relevant', exact: true });
    const notRelevant = form.getByRole('button', { name: 'Not relevant' });
    expect(await relevant.getAttribute('aria-pressed')).toBe('false');
    await relevant.click();
    await expect.poll(() => relevant.getAttribute('aria-pressed')).toBe('true');
    expect(await form.textContent()).toContain('relevant for 1, not relevant for 0');
    // Back to the same list, its filter kept.
    expect(new URL(page.url()).searchParams.get('rule')).toBe('mosul-watch');
    await checkPage('events-labelled');

    await notRelevant.click();
    await expect.poll(() => notRelevant.getAttribute('aria-pressed')).toBe('true');
    expect(await relevant.getAttribute('aria-pressed')).toBe('false');
    expect(await form.textContent()).toContain('relevant for 0, not relevant for 1');
  });
});

describe('every page in Chromium', () => {
  it('a story from its event: its copies and the rules they matched', async () => {
    await page.goto('/events?region=mosul');
    await page
      .getByRole('link', { name: /^Story \d+$/ })
      .first()
      .click();
    await page.waitForURL(/\/stories\/\d+$/);
    const copies = page.getByRole('table').first().getByRole('link');
    expect(await copies.allTextContents()).toEqual(
      expect.arrayContaining([
        'Explosion à Mossoul',
        'Nouvelle explosion signalée',
        'Explosion <script>alert(1)</script> à Erbil',
        'Copie',
      ]),
    );
    const matched = page.getByRole('table').nth(1).getByRole('link');
    expect(new Set(await matched.allTextContents())).toEqual(
      new Set(['Attacks in Iraq', 'mosul-watch']),
    );
    await checkPage('story');
  });

  it('/alerts: the alert, its failed delivery and why', async () => {
    await section('Alerts');
    await page.waitForURL(/\/alerts$/);
    await page.getByLabel('Since').fill('2024-09-01');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/since=2024-09-01/);
    const row = page.getByRole('row', { name: /Attacks in Iraq/ });
    expect(await row.textContent()).toMatch(
      /whole rule.*1 story: \d+.*hook: failed \(webhook answered 410 Gone\)/,
    );
    await checkPage('alerts');
  });

  it('/rules lists each rule; /rules/:id shows its definition and runs a backtest', async () => {
    await section('Rules');
    await page.waitForURL(/\/rules$/);
    expect(await page.getByRole('rowheader').allTextContents()).toEqual([
      expect.stringContaining('Attacks in Iraq'),
      expect.stringContaining('mosul-watch'),
    ]);
    await checkPage('rules');
    await page.getByRole('link', { name: 'Attacks in Iraq' }).click();
    await page.waitForURL(/\/rules\/attacks$/);
    expect(await page.locator('pre.rule').textContent()).toContain('attentat*');
    await page.getByLabel('Since').fill('2024-09-01');
    await page.getByLabel('Until').fill('2024-09-02');
    await page.getByRole('button', { name: 'Run backtest' }).click();
    await page.waitForURL(/since=2024-09-01/);
    const result = page.getByRole('region', { name: 'Backtest result' });
    expect(await result.textContent()).toMatch(
      /\d+ articles? replayed; [1-9]\d* alerts? would fire, 1 alert fired/,
    );
    await checkPage('rule');
  });

  it('/feeds: each feed and its state', async () => {
    await section('Feeds');
    await page.waitForURL(/\/feeds$/);
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByRole('rowheader').allTextContents();
      })
      .toEqual([expect.stringContaining('Agence <A>'), expect.stringContaining('feed-b')]);
    await checkPage('feeds');
  });
});

describe('/try in Chromium', () => {
  it('shows which running rules match a pasted article, explained', async () => {
    await page.goto('/events');
    await section('Try a rule');
    await page.waitForURL(/\/try$/);
    await page.getByLabel('Title').fill('Explosion à Mossoul');
    await page.getByLabel('Text', { exact: true }).fill('Une explosion a frappé Mossoul ce matin.');
    await page.getByRole('button', { name: 'Try' }).click();
    const matched = page.getByRole('heading', { level: 4 });
    await expect
      .poll(() => matched.allTextContents())
      .toEqual([
        expect.stringContaining('Attacks in Iraq'),
        expect.stringContaining('mosul-watch'),
      ]);
    expect(await page.locator('main mark').allTextContents()).toContain('explosion');
    await checkPage('try');
  });

  it('fetches an article by its address for a signed-in analyst, as the workers would', async () => {
    await signIn();
    await page.goto('/try');
    await page.getByLabel('Or the article’s address').fill(`${siteUrl}/article`);
    await page.getByRole('button', { name: 'Try' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toBe('Attentat à Bagdad');
    expect(await page.getByRole('heading', { level: 4 }).allTextContents()).toEqual([
      expect.stringContaining('Attacks in Iraq'),
    ]);
    await checkPage('try-url');
  });

  it('refuses a draft rule with its file:line problem, then tries a valid one', async () => {
    await page.goto('/try');
    await page.getByLabel('Text', { exact: true }).fill('Une explosion a frappé Mossoul.');
    const draft = page.getByLabel('Draft rules (rules.yaml), optional');
    await draft.fill(
      'rules:\n  - id: draft\n    severity: urgent\n    match: {any: [explosion]}\n',
    );
    await page.getByRole('button', { name: 'Try' }).click();
    const problems = page.getByRole('alert');
    await expect.poll(() => problems.textContent()).toMatch(/rules\.yaml:3:\d+: .*severity/);
    dropFailedLoads(400);
    await checkPage('try-draft-refused');

    await draft.fill('rules:\n  - id: draft\n    match: {any: [mossoul]}\n');
    await page.getByRole('button', { name: 'Try' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 3 }).allTextContents())
      .toContain('Draft rules that match');
    expect(await page.getByRole('heading', { level: 4 }).allTextContents()).toEqual([
      expect.stringContaining('draft'),
    ]);
  });
});

describe('config reload, seen on /rules', () => {
  it('shows a broken rules.yaml with file:line while the last valid rules run; fixed, reloads', async () => {
    const rulesFile = join(configDir, 'rules.yaml');
    const valid = readFileSync(rulesFile, 'utf8');
    const outcome = page.getByRole('region', { name: /config reload/i });
    /** /rules, reloaded until it shows a reload outcome matching `pattern`. */
    const rulesPageShows = (pattern: RegExp) =>
      expect
        .poll(
          async () => {
            await page.goto('/rules');
            return (await outcome.count()) > 0 ? await outcome.textContent() : '';
          },
          { timeout: 10_000, interval: 200 },
        )
        .toMatch(pattern);

    writeFileSync(rulesFile, valid.replace('severity: low', 'severity: urgent'));
    await rulesPageShows(/refused.*rules\.yaml:8:\d+/s);
    expect(await page.getByRole('rowheader').allTextContents()).toEqual([
      expect.stringContaining('Attacks in Iraq'),
      expect.stringContaining('mosul-watch'),
    ]);
    await checkPage('rules-reload-refused');

    writeFileSync(
      rulesFile,
      valid.replace('severity: low', 'name: Mosul watch\n    severity: low'),
    );
    await rulesPageShows(/reloaded|is running\./);
    expect(await page.getByRole('rowheader').allTextContents()).toEqual([
      expect.stringContaining('Attacks in Iraq'),
      expect.stringContaining('Mosul watch'),
    ]);
    await checkPage('rules-reloaded');
  });
});

describe('the harness', () => {
  it('sees what axe-core calls serious or critical', async () => {
    const bare = await page.context().newPage();
    await bare.setContent('<html><body><img src="data:,"><button></button></body></html>');
    const found = (await seriousViolations(bare)).map((line) => line.split(' at ')[0]);
    await bare.close();
    expect(found).toEqual(
      expect.arrayContaining([
        'critical button-name',
        'critical image-alt',
        'serious html-has-lang',
      ]),
    );
  });

  it('fails in one line saying how to install Chromium when there is none', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(
      /^browser tests: no Chromium at \/nonexistent\/chromium: install it \(apt-get update && apt-get install -y chromium\) or set CHROMIUM_PATH$/,
    );
  });
});
