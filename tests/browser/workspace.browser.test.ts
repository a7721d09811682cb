// The workspace as an analyst uses it: `vigie run` with stored events on a free loopback port, and
// real Chromium (playwright-core) clicking through its pages. PostgreSQL (a schema of its own):
// a fresh PGlite costs 5–9 s more here, and workspace-http.test.ts covers the pages on PGlite.
// Each page: no serious or critical axe-core violation, nothing refused by the CSP, a screenshot
// in test-results/screenshots/ for review.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.ts';
import { clearQueues, spawnVigie, type VigieProcess } from '../integration/fault-helpers.ts';
import {
  type Backend,
  openBackend,
  PG_URL,
  uniquePrefix,
} from '../integration/pipeline-helpers.ts';
import { freePort } from '../integration/smtp-helpers.ts';
import { seedEvents } from '../integration/workspace-seed.ts';
import {
  computedStyle,
  launchChromium,
  screenshot,
  seriousViolations,
  watchPage,
} from './browser-helpers.ts';

const prefix = uniquePrefix('browser');
const backend: Backend = {
  kind: 'postgres',
  dataDir: '/nonexistent',
  schema: `vigie_browser_${process.pid}_${Date.now().toString(36)}`,
};
let configDir: string;
let dataDir: string;
let site: Server;
let store: Store | undefined;
let vigie: VigieProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let problems: string[];
let base: string;

/** The rules and regions workspace-seed.ts's events name; feeds on a local site. */
function writeConfig(dir: string, siteUrl: string): void {
  const files: Record<string, string> = {
    'rules.yaml': `rules:
  - id: attacks
    name: Attacks in Iraq
    severity: high
    match: {any: ["attentat*", explosion]}
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

/** The feeds' site: empty feeds, so that vigie's fetches succeed and add nothing. */
async function startSite(): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(
      '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  const started = startSite();
  const launched = launchChromium();
  configDir = mkdtempSync(join(tmpdir(), 'vigie-browser-config-'));
  dataDir = mkdtempSync(join(tmpdir(), 'vigie-browser-data-'));
  store = await openBackend(backend);
  await seedEvents(store.db);
  const { server, url } = await started;
  site = server;
  writeConfig(configDir, url);
  const port = await freePort();
  vigie = spawnVigie(['run'], {
    VIGIE_CONFIG: configDir,
    VIGIE_DATA_DIR: dataDir,
    DATABASE_URL: PG_URL,
    VIGIE_DATABASE_SCHEMA: backend.schema ?? '',
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
  problems = watchPage(page);
});

afterAll(async () => {
  await browser?.close();
  if (vigie && vigie.child.exitCode === null) {
    vigie.child.kill('SIGTERM');
    await vigie.exited;
  }
  await clearQueues(prefix);
  if (store) {
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
    // A 400 answer is logged by Chromium as a failed resource: not a problem of the page.
    problems.splice(0, problems.length, ...problems.filter((line) => !/status of 400/.test(line)));
    await checkPage('events-error');
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
