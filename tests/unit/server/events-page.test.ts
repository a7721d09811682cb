import { describe, expect, it } from 'vitest';
import type { EventView } from '../../../src/server/event-view.ts';
import { EventsPage, nextQuery } from '../../../src/server/pages/events.tsx';
import { PAGE_CSP, STYLE_HASH } from '../../../src/server/pages/layout.tsx';

const config = {
  rules: [
    { id: 'attacks', name: 'Attacks & bombs', severity: 'high' as const, match: { any: ['x'] } },
  ],
  regions: [{ id: 'iraq', names: ['Irak'], children: [{ id: 'mosul', names: ['Mossoul'] }] }],
};

function event(overrides: Partial<EventView> = {}): EventView {
  return {
    id: 7,
    rule: 'attacks',
    ruleName: 'Attacks & bombs',
    severity: 'high',
    score: 2.5,
    title: 'Boom <img src=x onerror=alert(1)>',
    url: 'https://news.example/a?b=1&c="2"',
    source: 'News <Example>',
    publishedAt: new Date('2024-09-01T10:00:00Z'),
    regions: [{ id: 'mosul', name: 'Mossoul' }],
    terms: ['attentat*'],
    excerpts: [
      {
        term: 'attentat*',
        before: 'Un ',
        match: 'attentat <b>',
        after: ' à Mossoul',
        cutBefore: true,
        cutAfter: false,
      },
    ],
    storyId: 3,
    copies: 2,
    sources: 1,
    ...overrides,
  };
}

async function render(props: Parameters<typeof EventsPage>[0]): Promise<string> {
  return String(await EventsPage(props).toString());
}

describe('EventsPage', () => {
  it('escapes every value and marks the matched text', async () => {
    const html = await render({
      config,
      values: { q: '"><script>', region: 'mosul' },
      timeZone: 'Europe/Paris',
      list: { events: [event()], next: null },
    });
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain(
      '<a href="https://news.example/a?b=1&amp;c=%222%22">Boom &lt;img src=x onerror=alert(1)&gt;</a>',
    );
    expect(html).toContain('News &lt;Example&gt;');
    expect(html).toContain('<li>…Un <mark>attentat &lt;b&gt;</mark> à Mossoul</li>');
    expect(html).toContain('2024-09-01 12:00 CEST (UTC+02:00)');
    expect(html).toContain(
      'Rule Attacks &amp; bombs <span class="severity severity-high">high</span> · score 2.50',
    );
    expect(html).toContain(
      'Regions: Mossoul · <a href="/stories/3">Story 3</a>: 2 copies from 1 source',
    );
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('<option value="mosul" selected="">\u00a0\u00a0Mossoul</option>');
    expect(html).not.toContain('rel="next"');
  });

  it('links no javascript: URL, and says when nothing matched', async () => {
    const html = await render({
      config,
      values: {},
      timeZone: 'UTC',
      list: { events: [event({ url: 'javascript:alert(1)', title: 'T' })], next: 'abc' },
    });
    expect(html).toContain('<h2>T</h2>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="/events?cursor=abc" rel="next">Next page</a>');
    const empty = await render({
      config,
      values: {},
      timeZone: 'UTC',
      list: { events: [], next: null },
    });
    expect(empty).toContain('No event matches these filters.');
  });

  it('shows why parameters were refused', async () => {
    const html = await render({
      config,
      values: {},
      timeZone: 'UTC',
      error: { parameter: 'rule', message: 'no rule "<x>"' },
    });
    expect(html).toContain('<p class="error" role="alert">rule: no rule &quot;&lt;x&gt;&quot;</p>');
  });
});

describe('the page frame', () => {
  it('allows its one style sheet by hash and nothing else', () => {
    expect(PAGE_CSP).toBe(
      `default-src 'none'; style-src '${STYLE_HASH}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    );
  });

  it('keeps the filters on the next page', () => {
    expect(nextQuery({ rule: 'a b', q: 'é&', cursor: 'old' }, 'new')).toBe(
      'rule=a+b&q=%C3%A9%26&cursor=new',
    );
  });
});
