// Where the article ends inside its container: readers' comments and boxes of other stories under no telling class, each case built to fail the old way.
import { describe, expect, it } from 'vitest';
import { cutAtComments, cutAtRelated } from '../../../src/articles/ending.ts';
import { extractArticle } from '../../../src/articles/extract.ts';

function paragraph(label: string): string {
  return `<p>${label}: the army said on Tuesday that fighters, backed by drones and artillery, had retaken the town after a week of clashes, according to officials.</p>`;
}

/** A reader's comment as old news sites printed them: a paragraph and a "Posted by" line, no class. */
function comment(label: string): string {
  return `<p>${label}: what a marvellous result for the town, and about time too, after all these months of waiting for news from the front.</p><p>Posted by reader ${label} on January 10, 2008</p>`;
}

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>Town retaken</title></head><body><div class="story"><h1>Town retaken</h1>${body}</div></body></html>`;
}

describe('comments in the article container', () => {
  it.each([
    ['Comments', '<h3>Comments</h3>'],
    ['a count of comments', '<h3>12 Comments</h3>'],
    ['"Have your say"', '<h4>Have your Say</h4>'],
    ['"Comments are now closed…"', '<p>Comments are now closed for this story</p>'],
  ])('stops the text at a heading of %s', (_name, heading) => {
    const html = page(
      `${paragraph('A')}${paragraph('B')}${paragraph('C')}${heading}${comment('R1')}${comment('R2')}${comment('R3')}`,
    );
    const { text } = extractArticle(html, { url: 'https://example.org/a' });
    expect(text).toContain('C:');
    expect(text).not.toContain('R1:');
    expect(text).not.toContain('Posted by');
  });

  it('keeps a comments link above the article, and a "Comment" section label', () => {
    const html = page(
      `<p><a href="#c">3 Comments</a></p>${paragraph('A')}<h2>Comment</h2>${paragraph('B')}${paragraph('C')}`,
    );
    const { text } = extractArticle(html, { url: 'https://example.org/a' });
    for (const part of ['A:', 'B:', 'C:']) expect(text).toContain(part);
  });
});

describe('cutAtComments', () => {
  const body = 'The town was retaken on Tuesday after a week of clashes. '.repeat(6);

  it('leaves a front page alone, whose posts each end with their own count of comments', () => {
    const blocks = [body, 'Comments (2)', body, 'Comments (5)', body];
    expect(cutAtComments(blocks)).toEqual(blocks);
  });

  it('cuts at the first of different headings: the count, then the reply form', () => {
    const blocks = [body, '3 Comments', 'Nice piece.', 'Leave a Reply'];
    expect(cutAtComments(blocks)).toEqual([body]);
  });

  it('reads "Comments (0)" as no comments to cut', () => {
    expect(cutAtComments([body, 'Comments (0)', body])).toHaveLength(3);
  });
});

describe('a box of other stories at the end of the article', () => {
  it('ends the text before its heading and the teasers left after the links went', () => {
    const html = page(
      `${paragraph('A')}${paragraph('B')}${paragraph('C')}<h3>Related posts:</h3><ul><li><a href="/1">Town square reopens</a></li><li><a href="/2">Army pulls out</a></li></ul><p>Town square reopens</p>`,
    );
    const { text } = extractArticle(html, { url: 'https://example.org/a' });
    expect(text).toContain('C:');
    expect(text).not.toContain('Related posts');
    expect(text).not.toContain('Town square reopens');
  });
});

describe('cutAtRelated', () => {
  const body = 'The town was retaken on Tuesday after a week of clashes. '.repeat(6);

  it('keeps what follows a "Related" line when it is prose', () => {
    const blocks = [body, 'Related', body];
    expect(cutAtRelated(blocks)).toEqual(blocks);
  });

  it.each([
    'More world stories from NBC News:',
    'More content from NBCNews.com:',
    'MORE MANITOBA HEADLINES »',
    'More on the election',
  ])('ends before a box of other stories: %s', (heading) => {
    expect(cutAtRelated([body, heading, 'Town square reopens', 'Army pulls out'])).toEqual([body]);
  });

  it('keeps a page whose short blocks after the line outweigh the text above it', () => {
    const threads = Array.from({ length: 40 }, (_, index) => `Thread ${index}: my first job`);
    const blocks = [body, 'Related Articles:', ...threads];
    expect(cutAtRelated(blocks)).toEqual(blocks);
  });
});

describe('the same in French news', () => {
  const corps = 'La ville a été reprise mardi après une semaine de combats, selon l’armée. '.repeat(
    6,
  );

  it.each([
    '12 commentaires',
    'Commentaires',
    'Réagissez',
    'Laisser un commentaire',
    'Les commentaires sont fermés',
  ])('cuts at a comments heading: %s', (heading) => {
    expect(cutAtComments([corps, heading, 'Bravo.', 'Merci pour cet article.'])).toEqual([corps]);
  });

  it('keeps a section labelled "Commentaire" (an opinion piece)', () => {
    const blocks = [corps, 'Commentaire', corps];
    expect(cutAtComments(blocks)).toEqual(blocks);
  });

  it.each([
    'À lire aussi',
    'Lire aussi :',
    'Sur le même sujet',
    'Les plus lus',
    'Vous aimerez aussi',
  ])('ends before a box of other stories: %s', (heading) => {
    expect(cutAtRelated([corps, heading, 'Syrie : le point', 'Irak : la frontière'])).toEqual([
      corps,
    ]);
  });

  it('keeps the article after a "Lire aussi" link in its middle', () => {
    const blocks = [corps, 'Lire aussi :', corps];
    expect(cutAtRelated(blocks)).toEqual(blocks);
  });
});
