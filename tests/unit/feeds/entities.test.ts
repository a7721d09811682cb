// XML entity attacks: billion laughs and external entities are neither expanded nor fetched.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/feeds/parse.ts';
import { PermanentError } from '../../../src/lib/errors.ts';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>`;

function externalEntity(systemId: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "${systemId}"> ]>
<rss version="2.0"><channel><title>&xxe;</title><item><title>x</title><description>&xxe;</description></item></channel></rss>`;
}

function parameterEntity(systemId: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY % remote SYSTEM "${systemId}"> %remote; ]>
<rss version="2.0"><channel><title>x</title></channel></rss>`;
}

let server: Server;
let dtdUrl: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('<!ENTITY leaked "LEAKED">');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  dtdUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/evil.dtd`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('parseFeed refuses entity declarations with one clear error', () => {
  it.each([
    ['billion laughs', () => BILLION_LAUGHS],
    ['an external entity on file:///etc/passwd', () => externalEntity('file:///etc/passwd')],
    ['an external entity on http', () => externalEntity(dtdUrl)],
    ['a parameter entity on http', () => parameterEntity(dtdUrl)],
    [
      'a lower-case declaration',
      () => BILLION_LAUGHS.replace('<!DOCTYPE', '<!doctype').replaceAll('<!ENTITY', '<!entity'),
    ],
  ])('%s', async (_name, document) => {
    const error = await failure(parseFeed(document(), { feedUrl: 'https://x.example/feed' }));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toBe(
      'feeds: https://x.example/feed: DOCTYPE not allowed (it declares entities)',
    );
    expect(requests).toEqual([]);
  });

  it('allows a DOCTYPE without an internal subset, and ENTITY text inside the content', async () => {
    const document = `<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "${dtdUrl}">
<rss version="2.0"><channel><title>x</title>
<item><title>XXE expliquée</title><description><![CDATA[<pre>&lt;!DOCTYPE a [&lt;!ENTITY b SYSTEM "c"&gt;]&gt;</pre>]]></description></item>
</channel></rss>`;
    const feed = await parseFeed(document, { feedUrl: 'https://x.example/feed' });
    expect(feed.items[0]?.summary).toBe('<!DOCTYPE a [<!ENTITY b SYSTEM "c">]>');
    expect(requests).toEqual([]);
  });
});

describe('rss-parser (xml2js over sax) on its own, as a second line of defence', () => {
  it.each([
    ['billion laughs', () => BILLION_LAUGHS],
    ['a file external entity', () => externalEntity('file:///etc/passwd')],
    ['an http external entity', () => externalEntity(dtdUrl)],
  ])(
    'does not expand %s: strict sax fails on the undeclared reference',
    async (_name, document) => {
      const error = await failure(new Parser().parseString(document()));
      expect(error.message).toMatch(/^Invalid character entity/);
      expect(requests).toEqual([]);
    },
  );

  it('ignores a parameter entity: nothing is fetched and nothing leaks', async () => {
    const feed = await new Parser().parseString(parameterEntity(dtdUrl));
    expect(JSON.stringify(feed)).not.toContain('LEAKED');
    expect(requests).toEqual([]);
  });
});
