// `./bin/vigie extract` as a user runs it: files, URLs on a local server, and the errors they get.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = 'tests/fixtures/pages/wordpress-raid-anbar.html';
const FEED = 'tests/fixtures/feeds/rss2-opex.xml';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function vigie(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { VIGIE_ALLOW_HOSTS: _ignored, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      './bin/vigie',
      args,
      { cwd: ROOT, env: { ...inherited, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function expectOneLineError(run: Run, message: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^vigie: /);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

let server: Server;
let base: string;

beforeAll(async () => {
  const page = readFileSync(new URL(`../../${PAGE}`, import.meta.url));
  server = createServer((req, res) => {
    if (req.url === '/article')
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else if (req.url === '/report.pdf')
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
    else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

describe('vigie extract', () => {
  it('prints one JSON line with exactly the contract keys, in order', async () => {
    const run = await vigie(['extract', PAGE, '--url', 'https://example.org/a']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '');
    expect(Object.keys(line)).toEqual(['url', 'title', 'text', 'publishedAt', 'lang', 'byline']);
    expect(line).toMatchObject({
      url: 'https://example.org/a',
      title:
        'Les forces américaines et irakiennes ont tué 15 membres de Daesh lors d’un raid mené dans le désert d’Al-Anbar',
      publishedAt: '2024-09-01T09:12:44.000Z',
      lang: 'fr',
      byline: 'Laurent Lagneau',
    });
    expect(line.text).toMatch(/^En juin, le gouvernement irakien/);
    expect(line.text).not.toContain('Laisser un commentaire');
  });

  it('fetches a URL on an allowed host', async () => {
    const run = await vigie(['extract', `${base}/article`], { VIGIE_ALLOW_HOSTS: '127.0.0.1' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      url: `${base}/article`,
      byline: 'Laurent Lagneau',
    });
  });

  // Arguments are built lazily: the server's port is known only once beforeAll has run.
  it.each([
    [
      'a missing file',
      () => ['extract', 'tests/fixtures/pages/missing.html'],
      {},
      /missing\.html: cannot read \(ENOENT\)/,
    ],
    [
      'a forbidden host',
      () => ['extract', `${base}/article`],
      {},
      /forbidden address 127\.0\.0\.1/,
    ],
    [
      '127.0.0.2 when 127.0.0.1 is allowed',
      () => ['extract', 'http://127.0.0.2:1/'],
      { VIGIE_ALLOW_HOSTS: '127.0.0.1' },
      /forbidden address 127\.0\.0\.2/,
    ],
    [
      'a page that is not HTML',
      () => ['extract', `${base}/report.pdf`],
      { VIGIE_ALLOW_HOSTS: '127.0.0.1' },
      /not an HTML page \(application\/pdf\)/,
    ],
    ['a feed file', () => ['extract', FEED], {}, /not an HTML page \(XML document <rss>\)/],
    [
      'a 404',
      () => ['extract', `${base}/gone`],
      { VIGIE_ALLOW_HOSTS: '127.0.0.1' },
      /not found \(404\)/,
    ],
    [
      'a bad allow list',
      () => ['extract', `${base}/article`],
      { VIGIE_ALLOW_HOSTS: 'http://x' },
      /VIGIE_ALLOW_HOSTS/,
    ],
    [
      'a bad --url',
      () => ['extract', PAGE, '--url', 'example.org/a'],
      {},
      /--url: not an absolute http\(s\) URL/,
    ],
  ])('exits 1 with one line for %s', async (_name, args, env, message) => {
    expectOneLineError(await vigie(args(), env), message);
  });
});
