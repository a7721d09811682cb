// `./bin/vigie extract` as a user runs it: files, URLs on a local server, and the errors they get.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
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
const scratch = mkdtempSync(join(tmpdir(), 'vigie-cli-extract-'));
const PARAGRAPH =
  'Les forces irakiennes ont repris le contrôle du district de Rutba, dans la province d’Al-Anbar, après trois jours de combats contre des cellules de l’État islamique.';

function writePage(name: string, bytes: Buffer): string {
  const file = join(scratch, name);
  writeFileSync(file, bytes);
  return file;
}

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
  rmSync(scratch, { recursive: true, force: true });
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
    expect(Object.keys(line)).toEqual([
      'url',
      'title',
      'text',
      'publishedAt',
      'lang',
      'byline',
      'method',
      'length',
    ]);
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
    expect(line.method).toBe('content');
    expect(line.length).toBe(line.text.length);
  });

  it('prints the fallback method and the length of a JSON-LD-only page, and of an empty one', async () => {
    const body = [PARAGRAPH, PARAGRAPH.replace('Rutba', 'Qaïm')].join('\n');
    const jsonLd = JSON.stringify({ '@type': 'NewsArticle', articleBody: body });
    const file = writePage(
      'jsonld.html',
      Buffer.from(
        `<html><head><script type="application/ld+json">${jsonLd}</script></head><body></body></html>`,
      ),
    );
    const line = JSON.parse((await vigie(['extract', file])).stdout);
    expect(line).toMatchObject({ method: 'jsonld', text: body.replace('\n', '\n\n') });
    expect(line.length).toBe(line.text.length);
    const empty = writePage('empty.html', Buffer.from('<html><body><div></div></body></html>'));
    const nothing = await vigie(['extract', empty]);
    expect(nothing.code).toBe(0);
    expect(JSON.parse(nothing.stdout)).toMatchObject({ text: '', method: 'none', length: 0 });
  });

  it.each([
    [
      'GB2312 by its meta',
      '伊拉克军队周二在安巴尔省收复了鲁特巴地区，十五名武装分子被打死。',
      'gbk',
      '<meta charset="gb2312">',
    ],
    [
      'Shift_JIS by http-equiv',
      'イラク軍は火曜日、アンバール州ルトバ地区の支配を取り戻した。',
      'shift_jis',
      '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
    ],
    [
      'windows-1256 by its meta',
      'استعادت القوات العراقية السيطرة على قضاء الرطبة في محافظة الأنبار.',
      'windows-1256',
      '<meta charset="windows-1256">',
    ],
    [
      'UTF-8 under a stale gb2312 meta',
      '伊拉克军队周二在安巴尔省收复了鲁特巴地区。',
      'utf-8',
      '<meta charset="gb2312">',
    ],
  ])('reads a file in %s', async (_name, text, encoding, meta) => {
    const html = `<html><head>${meta}<title>Rutba</title></head><body><article><h1>Rutba</h1><p>${text}</p></article></body></html>`;
    const file = writePage(`${encoding}.html`, iconv.encode(html, encoding));
    const run = await vigie(['extract', file]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ title: 'Rutba', text, method: 'content' });
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
