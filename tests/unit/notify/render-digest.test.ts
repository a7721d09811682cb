// Digest rendering details beyond render.test.ts: the run's Message-ID, distinct story counts, the empty digest.
import { describe, expect, it } from 'vitest';
import {
  type DigestGroup,
  type DigestInput,
  digestMessageId,
  renderDigest,
} from '../../../src/notify/render-digest.ts';

const story = (title: string, url: string) => ({
  title,
  url,
  sources: ['feed-a'],
  publishedAt: new Date('2026-03-28T10:00:00Z'),
});

const INPUT: DigestInput = {
  digestId: 'daily-fr',
  periodStart: new Date('2026-03-28T07:00:00Z'),
  periodEnd: new Date('2026-03-29T06:00:00Z'),
  timeZone: 'Europe/Paris',
  alertsFired: [],
  groups: [
    { ruleId: 'r', regionId: 'iraq', stories: [story('Mossoul', 'https://e.org/1')] },
    {
      ruleId: 'r',
      regionId: 'syria',
      stories: [story('Mossoul', 'https://e.org/1'), story('Alep', 'https://e.org/2')],
    },
  ],
};

describe('renderDigest', () => {
  it('derives the Message-ID from the run id, so a resend is the same message', () => {
    expect(digestMessageId(7)).toBe('<digest-7@vigie>');
  });

  it('counts a story listed under two regions once in the subject, in each region at the top', () => {
    const digest = renderDigest(INPUT);
    expect(digest.subject).toBe(
      '[vigie] Digest daily-fr: 2 stories (2026-03-28 08:00 CET – 2026-03-29 08:00 CEST)',
    );
    expect(digest.text).toContain('  r — iraq: 1\n  r — syria: 2\n');
  });

  it('shows regions by name where the content names them, ordered by name, ids otherwise', () => {
    const digest = renderDigest({
      ...INPUT,
      groups: [
        { ...(INPUT.groups[0] as DigestGroup), regionName: 'Irak' },
        { ...(INPUT.groups[1] as DigestGroup), regionName: 'Al-Sham <Syrie>' },
      ],
      alertsFired: [
        {
          id: 1,
          ruleId: 'r',
          regionId: 'iraq',
          regionName: 'Irak',
          storyCount: 2,
          createdAt: new Date('2026-03-28T09:00:00Z'),
        },
      ],
    });
    expect(digest.text).toContain('  r — Al-Sham <Syrie>: 2\n  r — Irak: 1\n');
    expect(digest.text).toContain('[r — Al-Sham <Syrie>] [r — Irak]');
    expect(digest.text).toContain('10:00 CET  r — Irak: 2 stories');
    expect(digest.text).not.toMatch(/\biraq\b|\bsyria\b/);
    expect(digest.html).toContain('Al-Sham &lt;Syrie&gt;');
    expect(renderDigest(INPUT).text).toContain('[r — iraq] [r — syria]');
  });

  it('counts one story once though two rules show different articles of it', () => {
    const digest = renderDigest({
      ...INPUT,
      groups: [
        {
          ruleId: 'a',
          regionId: 'iraq',
          stories: [{ ...story('Mossoul', 'https://e.org/1'), key: 's9' }],
        },
        {
          ruleId: 'b',
          regionId: 'iraq',
          stories: [{ ...story('Mossoul, suite', 'https://e.org/3'), key: 's9' }],
        },
      ],
    });
    expect(digest.subject).toMatch(/^\[vigie\] Digest daily-fr: 1 story \(/);
  });

  it('lists a story matched by two rules and regions once, with both labels and its copy folded under it', () => {
    const digest = renderDigest({
      ...INPUT,
      groups: [
        {
          ruleId: 'a',
          ruleName: 'Attentats',
          regionId: 'iraq',
          stories: [
            {
              ...story('Mossoul', 'https://e.org/1'),
              key: 's9',
              copies: [{ title: 'Mosul', url: 'https://e.org/en/1', sources: ['bbc'] }],
            },
          ],
        },
        {
          ruleId: 'b',
          ruleName: 'Daech',
          regionId: 'syria',
          stories: [{ ...story('Mossoul, suite', 'https://e.org/3'), key: 's9', sources: ['afp'] }],
        },
      ],
    });
    const text = digest.text.slice(digest.text.indexOf('== Stories =='));
    expect(text).toBe(
      [
        '== Stories ==',
        '',
        '* Mossoul',
        '  [Attentats — iraq] [Daech — syria]',
        '  afp, feed-a · 2026-03-28 11:00 CET',
        '  https://e.org/1',
        '    also: bbc: Mosul https://e.org/en/1',
        '    also: afp: Mossoul, suite https://e.org/3',
        '',
      ].join('\n'),
    );
    expect(digest.text).toContain('  Attentats — iraq: 1\n  Daech — syria: 1\n');
    expect(digest.html.match(/Mossoul<\/a>/g)).toHaveLength(1);
    expect(digest.html).toContain('>Attentats — iraq</span>');
    expect(digest.html).toContain('bbc: <a href="https://e.org/en/1"');
  });

  it('renders an HTML document with inline styles only: no script, no style element, no class', () => {
    const { html } = renderDigest(INPUT);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<style|class=/i);
    expect(html).toContain('<table style=');
  });
});
