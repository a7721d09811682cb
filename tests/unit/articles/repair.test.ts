// Markup repairs: a page cut in its head still gives its article.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/articles/extract.ts';
import {
  closeCutScriptAttribute,
  closeUnclosedTitle,
  repairDoubleUtf8,
} from '../../../src/articles/repair.ts';

const PARAGRAPHS = [
  'South Korean golfer Choi Kyung-ju won the Sony Open on Sunday, beating Rory Sabbatini by three strokes at Waialae Country Club in Honolulu.',
  'The 38-year-old finished at a four-round total of 14-under 266, after opening with rounds of 64, 65 and 66 and holding on amid blustery winds.',
  'It was his seventh title on the tour and his first since the Players Championship, which he won in a play-off the year before.',
];
const BODY = PARAGRAPHS.map((paragraph) => `<p>${paragraph}</p>`).join('\n');

describe('closeUnclosedTitle', () => {
  it.each([
    [
      'closes a title never closed at its line end',
      '<title>Choi wins\nobj();</script>',
      '<title>Choi wins</title>\nobj();</script>',
    ],
    [
      'closes it before the next tag on its line',
      '<TITLE>Choi wins<div>',
      '<TITLE>Choi wins</title><div>',
    ],
    [
      'leaves a closed title alone',
      '<title>Choi\nwins</TITLE ><p>',
      '<title>Choi\nwins</TITLE ><p>',
    ],
    ['leaves a page without a title alone', '<p>Choi</p>', '<p>Choi</p>'],
  ])('%s', (_name, source, expected) => {
    expect(closeUnclosedTitle(source)).toBe(expected);
  });
});

describe('extractArticle on a page whose <title> is never closed', () => {
  it('reads the article that HTML parsing would swallow into the title', () => {
    // A crawl that cut the head: the title runs into the tail of a script.
    const html = `<html><head><title>Choi Kyung-ju wins (The Korea Times)ntById("font");\nobj.style.fontSize = size;\n}\n</script></head><body><h1>Choi Kyung-ju wins his seventh title</h1><div class="story">${BODY}</div></body></html>`;
    const article = extractArticle(html);
    expect(article.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(article.method).toBe('content');
  });
});

describe('closeCutScriptAttribute', () => {
  it.each([
    [
      'closes a src cut at its line end that runs into a later script',
      '<script type="text/javascript" src="/te.color=\'red\';\n}\n//-->\n</script><p>Choi</p>',
      '<script type="text/javascript" src="/te.color=\'red\';">\n}\n//-->\n</script><p>Choi</p>',
    ],
    [
      'leaves a src broken across lines but closed alone',
      '<script async src="//pagead2.example.com/\npagead/js/ads.js"></script>',
      '<script async src="//pagead2.example.com/\npagead/js/ads.js"></script>',
    ],
    [
      'leaves attributes on several lines alone',
      '<script type="text/javascript"\nsrc="/ads.js"></script>',
      '<script type="text/javascript"\nsrc="/ads.js"></script>',
    ],
  ])('%s', (_name, source, expected) => {
    expect(closeCutScriptAttribute(source)).toBe(expected);
  });
});

describe('extractArticle on a page whose script tag is cut open', () => {
  it('reads the article that HTML parsing would swallow into the script', () => {
    // A crawl that spliced a src onto the tail of a script: the tag ends at the ad script below.
    const html = `<html><head><script type="text/javascript" src="/te.backgroundColor='yellow';\n}\n//-->\n</script></head><body><h1>Choi Kyung-ju wins his seventh title</h1><div class="story">${BODY}</div><script src="/ads.js"></script></body></html>`;
    const article = extractArticle(html);
    expect(article.text).toBe(PARAGRAPHS.join('\n\n'));
  });
});

describe('repairDoubleUtf8', () => {
  it.each([
    [
      'decodes punctuation stored as Latin-1 and encoded again',
      '<p>We\u00e2\u0080\u0099ve won \u00e2\u0080\u0093 at last</p>',
      '<p>We’ve won – at last</p>',
    ],
    [
      'leaves a sequence without a control alone',
      '<p>Caf\u00c3\u00a9 \u00c2\u00a9</p>',
      '<p>Caf\u00c3\u00a9 \u00c2\u00a9</p>',
    ],
    ['leaves a page without controls alone', '<p>We’ve won</p>', '<p>We’ve won</p>'],
    [
      'leaves a control that decodes to nothing alone',
      '<p>a\u00e2\u0080b</p>',
      '<p>a\u00e2\u0080b</p>',
    ],
  ])('%s', (_name, source, expected) => {
    expect(repairDoubleUtf8(source)).toBe(expected);
  });

  it('lets an article stored so be read word by word', () => {
    const html = `<html><head><title>Choi wins</title></head><body><article><h1>Choi wins</h1>${BODY.replace(/'/g, '\u00e2\u0080\u0099')}<p>Choi\u00e2\u0080\u0099s caddie said he\u00e2\u0080\u0099d never seen him so calm on the last holes of a tournament.</p></article></body></html>`;
    expect(extractArticle(html).text).toContain('Choi’s caddie said he’d never seen him');
  });
});
