import { describe, expect, it } from 'vitest';
import { escapeHtml, singleLine } from '../../../src/notify/format.ts';
import { DEFAULT_GROUP_WAIT_MS, groupWaitMs } from '../../../src/notify/group-wait.ts';
import {
  type AlertToRender,
  renderAlertEmail,
  renderAlertGroupEmail,
  renderDigest,
  type StoryToRender,
} from '../../../src/notify/render.ts';
import { snippetsOf } from '../../../src/notify/snippets.ts';

const RULE = {
  id: 'ei-attentats',
  name: "Attentats de l'État islamique",
  severity: 'high' as const,
};
const ALERT: AlertToRender = {
  id: 123,
  ruleId: 'ei-attentats',
  regionId: 'iraq',
  storyCount: 3,
  newSinceLast: 3,
  windowStart: new Date('2024-09-01T04:00:00Z'),
  windowEnd: new Date('2024-09-01T10:00:00Z'),
};
const BODY =
  'Les forces américaines et irakiennes ont tué 15 membres de Daesh lors d’un raid mené dans le désert. ' +
  'Selon un responsable, les attentats revendiqués par le groupe État islamique se multiplient depuis le printemps dans la province.';
const HOSTILE_TITLE = '<script>alert(1)</script>\r\nBcc: x@y';

function story(overrides: Partial<StoryToRender> = {}): StoryToRender {
  const start = BODY.indexOf('attentats');
  return {
    title: 'Raid dans l’Anbar',
    url: 'https://example.org/raid?a=1&b=2',
    source: 'opex360',
    publishedAt: new Date('2024-09-01T08:30:00Z'),
    text: BODY,
    hits: [{ term: 'attentat*', segment: 1, start, end: start + 'attentats'.length }],
    ...overrides,
  };
}

describe('renderAlertEmail', () => {
  it('says rule, region and count in the subject, and derives the Message-ID from the alert id', () => {
    const email = renderAlertEmail(ALERT, { rule: RULE, stories: [story()] });
    expect(email.subject).toBe("[vigie] Attentats de l'État islamique — iraq: 3 stories");
    expect(email.messageId).toBe('<alert-123@vigie>');
    const whole = renderAlertEmail(
      { ...ALERT, regionId: '', storyCount: 1 },
      { rule: RULE, stories: [] },
    );
    expect(whole.subject).toBe("[vigie] Attentats de l'État islamique: 1 story");
  });

  it('says what a spike is measured against: the usual count of such a window', () => {
    const spike = renderAlertEmail(
      { ...ALERT, storyCount: 7, newSinceLast: 7, expected: 1.9285 },
      { rule: RULE, stories: [] },
    );
    expect(spike.text).toContain('7 stories (a spike: usually 1.9), from');
    expect(spike.html).toContain('7 stories (a spike: usually 1.9), from');
    expect(renderAlertEmail(ALERT, { rule: RULE, stories: [] }).text).not.toContain('spike');
  });

  it('puts the regions of one burst in one message, each with its summary and stories', () => {
    const iraq = { alert: ALERT, context: { rule: RULE, regionName: 'Irak', stories: [story()] } };
    const syria = {
      alert: { ...ALERT, id: 124, regionId: 'syria', storyCount: 1, newSinceLast: 1 },
      context: { rule: RULE, regionName: 'Syrie', stories: [story({ title: 'Raid à Raqqa' })] },
    };
    const email = renderAlertGroupEmail([iraq, syria]);
    expect(email.subject).toBe("[vigie] Attentats de l'État islamique: 2 regions (Irak, Syrie)");
    expect(email.messageId).toBe('<alert-123-124@vigie>');
    expect(email.text).toMatch(
      /^Attentats de l'État islamique: 2 regions at once\n\n== Irak ==\n3 stories, /,
    );
    expect(email.text.indexOf('* Raid dans l’Anbar')).toBeLessThan(
      email.text.indexOf('== Syrie =='),
    );
    expect(email.text).toMatch(/== Syrie ==\n1 story, [^\n]*\n\n\* Raid à Raqqa/);
    expect(email.html).toContain('>Syrie</h2>');
    // One alert alone is the alert's own mail.
    expect(renderAlertGroupEmail([iraq])).toEqual(renderAlertEmail(iraq.alert, iraq.context));
    expect(groupWaitMs(undefined)).toBe(DEFAULT_GROUP_WAIT_MS);
    expect(groupWaitMs({ groupWait: '5s' })).toBe(5_000);
  });

  it('lists each story with title, source, time, link and the term in context', () => {
    const email = renderAlertEmail(ALERT, {
      rule: RULE,
      stories: [story()],
      timeZone: 'Europe/Paris',
    });
    expect(email.text).toContain('* Raid dans l’Anbar');
    expect(email.text).toContain('opex360, 2024-09-01 10:30 CEST (UTC+02:00)');
    expect(email.text).toContain('https://example.org/raid?a=1&b=2');
    // From the start of the hit's sentence (none of the one before), cut at about 80 characters after.
    expect(email.text).toContain(
      '  Selon un responsable, les *attentats* revendiqués par le groupe État islamique se multiplient depuis le printemps…  [attentat*]',
    );
    expect(email.html).toContain('<a href="https://example.org/raid?a=1&amp;b=2"');
    expect(email.html).toMatch(/les <mark style="[^"]*">attentats<\/mark> revendiqués/);
  });

  it('escapes hostile article content in HTML, keeps it readable as text, and keeps headers on one line', () => {
    const hostile = story({
      title: HOSTILE_TITLE,
      source: '"><img src=x onerror=alert(2)>',
      url: 'javascript:alert(3)',
      text: `x <b>attentat</b> & "y"`,
      hits: [{ term: 'attentat*', segment: 1, start: 5, end: 13 }],
    });
    const email = renderAlertEmail(
      { ...ALERT, regionId: 'iraq\r\nBcc: evil@example.org' },
      { rule: { ...RULE, name: `Evil\r\nBcc: x@y` }, stories: [hostile] },
    );
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Bcc: x@y');
    expect(email.html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(email.html).not.toMatch(/<script|<img|<b>|href="javascript/i);
    expect(email.html).toContain('&lt;b&gt;<mark');
    expect(email.text).toContain('<script>alert(1)</script> Bcc: x@y');
    expect(email.text).not.toContain('&lt;');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toBe('[vigie] Evil Bcc: x@y — iraq Bcc: evil@example.org: 3 stories');
  });
});

describe('renderAlertEmail: messages that explain themselves', () => {
  const TEXT =
    'Daesh a revendiqué un attentat à Mossoul. ' +
    'Selon l’armée, l’EI prépare d’autres actions. ' +
    'Les attentats se multiplient dans le nord, où les forces irakiennes patrouillent.';
  const hit = (term: string, word: string, from = 0) => {
    const start = TEXT.indexOf(word, from);
    return { term, segment: 1, start, end: start + word.length };
  };
  const clauses = [['Daesh', 'EI'], ['attentat*']];
  const hits = [
    hit('Daesh', 'Daesh'),
    hit('attentat*', 'attentat'),
    hit('EI', 'EI'),
    hit('attentat*', 'attentats'),
  ];

  function render(places: StoryToRender['places'], title = 'Raid dans le nord') {
    return renderAlertEmail(ALERT, {
      rule: { ...RULE, clauses },
      regionName: 'Irak',
      timeZone: 'Asia/Baghdad',
      stories: [story({ title, text: TEXT, hits, places })],
    });
  }

  it('shows one excerpt per clause, each from a sentence of its own, none twice', () => {
    const lines = render([])
      .text.split('\n')
      .filter((line) => line.includes('  ['));
    expect(lines).toEqual([
      '  *Daesh* a revendiqué un attentat à Mossoul.  [Daesh]',
      '  Les *attentats* se multiplient dans le nord, où les forces irakiennes patrouillent.  [attentat*]',
    ]);
  });

  it('names the region, in the subject and where the article names it', () => {
    const email = render([hit('Irak', 'irakiennes')]);
    expect(email.subject).toBe("[vigie] Attentats de l'État islamique — Irak: 3 stories");
    expect(email.text).toContain("Attentats de l'État islamique — Irak\n");
    expect(email.text).toContain('  Irak: named in the excerpt above ("irakiennes")');
    const inTitle = render(
      [{ term: 'Irak', segment: 0, start: 0, end: 4 }, hit('Irak', 'irakiennes')],
      'Irak : raid',
    );
    expect(inTitle.text).toContain('  *Irak* : raid  [Irak]');
    const own = render([hit('Irak', 'l’armée')]);
    expect(own.text).toContain('  Selon *l’armée*, l’EI prépare d’autres actions.  [Irak]');
    expect(own.html).toContain('<mark style="background:#fff3b0;font-weight:bold">l’armée</mark>');
  });

  it("shows times in the channel's time zone with their UTC offset", () => {
    const email = render([]);
    expect(email.text).toContain('from 2024-09-01 07:00 UTC+03:00 to 2024-09-01 13:00 UTC+03:00');
    expect(email.text).toContain('opex360, 2024-09-01 11:30 UTC+03:00');
  });
});

describe('snippetsOf', () => {
  it('cuts about 80 characters around each hit at word boundaries, title hits first', () => {
    const title = 'Attentats à Bagdad';
    const hits = [
      {
        term: 'attentat*',
        segment: 1,
        start: BODY.indexOf('attentats'),
        end: BODY.indexOf('attentats') + 9,
      },
      { term: 'attentat*', segment: 0, start: 0, end: 9 },
    ];
    const [first, second] = snippetsOf({ title, text: BODY }, hits);
    expect(first).toMatchObject({
      match: 'Attentats',
      before: '',
      after: ' à Bagdad',
      cutBefore: false,
      cutAfter: false,
    });
    expect(second?.match).toBe('attentats');
    expect(second?.cutBefore).toBe(true);
    const length = (second?.before.length ?? 0) + 9 + (second?.after.length ?? 0);
    expect(length).toBeGreaterThan(60);
    expect(length).toBeLessThanOrEqual(90);
    expect(second?.before).toMatch(/^\S/);
    expect(BODY).toContain(`${second?.before}attentats${second?.after}`);
  });

  it('skips hits inside an earlier snippet and offsets outside the text', () => {
    const text = 'un attentat puis un autre attentat';
    const hits = [
      { term: 'attentat*', segment: 1, start: 3, end: 11 },
      { term: 'attentat*', segment: 1, start: 26, end: 34 },
      { term: 'x', segment: 1, start: 40, end: 45 },
    ];
    expect(snippetsOf({ title: '', text }, hits)).toHaveLength(1);
  });
});

describe('escapeHtml and singleLine', () => {
  it.each([
    ['<a href="x">O\'Brien & co</a>', '&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; co&lt;/a&gt;'],
    ['plain', 'plain'],
  ])('escapeHtml(%j)', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('turns every control and line separator into one space', () => {
    expect(singleLine('a\r\nb\u2028c\u0000d\te  ')).toBe('a b c d e');
  });
});

describe('renderDigest', () => {
  const t = (hour: number) => new Date(Date.UTC(2026, 2, 29, hour));
  const input = {
    digestId: 'daily-fr',
    periodStart: new Date('2026-03-28T07:00:00Z'),
    periodEnd: new Date('2026-03-29T06:00:00Z'),
    timeZone: 'Europe/Paris',
    groups: [
      {
        ruleId: 'ei-attentats',
        ruleName: 'Attentats EI',
        regionId: 'syria',
        stories: [{ title: 'Syrie A', url: 'https://e.org/sa', sources: ['a'], publishedAt: t(1) }],
      },
      {
        ruleId: 'ei-attentats',
        ruleName: 'Attentats EI',
        regionId: 'iraq',
        stories: [
          { title: 'Old, one source', url: 'https://e.org/1', sources: ['a'], publishedAt: t(1) },
          {
            title: 'Three sources',
            url: 'https://e.org/3',
            sources: ['a', 'b', 'c'],
            publishedAt: t(0),
          },
          { title: 'New, one source', url: 'https://e.org/2', sources: ['b'], publishedAt: t(4) },
        ],
      },
      {
        ruleId: 'aqmi',
        ruleName: 'AQMI <Sahel>',
        regionId: '',
        stories: [
          {
            title: HOSTILE_TITLE,
            url: 'https://e.org/x',
            sources: ['z'],
            publishedAt: null,
            terms: ['AQMI'],
          },
        ],
      },
    ],
    alertsFired: [
      {
        id: 9,
        ruleId: 'ei-attentats',
        ruleName: 'Attentats EI',
        regionId: 'iraq',
        storyCount: 3,
        createdAt: t(2),
      },
    ],
  };

  it('puts counts per rule and region at the top, then each story once, most sources then newest first', () => {
    const digest = renderDigest(input);
    expect(digest.subject).toBe(
      '[vigie] Digest daily-fr: 5 stories, 1 alert (2026-03-28 08:00 CET – 2026-03-29 08:00 CEST)',
    );
    const text = digest.text;
    expect(text).toContain('  Attentats EI — iraq: 3\n  Attentats EI — syria: 1');
    expect(text).toContain('  AQMI <Sahel> — (no region): 1');
    expect(text).toContain(
      'Alerts fired:\n  2026-03-29 04:00 CEST  Attentats EI — iraq: 3 stories',
    );
    const order = [
      'Attentats EI — iraq: 3',
      'Alerts fired:',
      '== Stories ==',
      '* Three sources\n  [Attentats EI — iraq]\n  a, b, c',
      '* New, one source',
      '* Old, one source',
      '* Syrie A\n  [Attentats EI — syria]',
      '[AQMI <Sahel> — (no region)]',
    ];
    const positions = order.map((needle) => text.indexOf(needle));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('escapes every piece of content in HTML', () => {
    const digest = renderDigest(input);
    expect(digest.html).not.toMatch(/<script|<Sahel>/);
    expect(digest.html).toContain('AQMI &lt;Sahel&gt;');
    expect(digest.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Bcc: x@y');
    expect(digest.subject).not.toMatch(/[\r\n]/);
  });

  it('says so when nothing matched and no alert fired', () => {
    const digest = renderDigest({ ...input, groups: [], alertsFired: [] });
    expect(digest.subject).toContain('0 stories');
    expect(digest.text).toContain('Nothing matched in this period.');
    expect(digest.text).toContain('No alert fired in this period.');
  });
});
