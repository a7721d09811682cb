// Markup repairs: a page cut in its head still gives its article.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/articles/extract.ts';
import { closeCutScriptAttribute, closeUnclosedTitle } from '../../../src/articles/repair.ts';

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
