// Where an article's text ends inside its container: readers' comments, a box of other stories below it.
import type { Element } from 'domhandler';
import { collapseWhitespace, isHeadingTag, textContent } from './text.ts';

/**
 * A block that opens the comments: "Comments", "3 Comments", "Comments (12)", "Leave a Reply",
 * "Post a comment", "Have your say", "Comments are closed". Only the heading alone, so an
 * article's "No comment." or "Comment engagement score" is not one; nor "Comment" alone (a
 * section of opinion pieces, a table's column) or "Comments (0)" (a blog's front page says it
 * under each post, and no comment follows). Old news sites and blogs
 * put the comments in the article's own container, under no class that gives them away.
 */
const COMMENTS_HEADING = new RegExp(
  [
    String.raw`^(?:(?:most\s+)?(?:recent|latest)\s+)?(?:readers?'?\s+|user\s+|your\s+)?comments\s*(?:\([1-9]\d*\))?\s*[:»›]?$`,
    String.raw`^[1-9]\d*\s+comments?\s*[:»›]?$`,
    String.raw`^(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:reply|comment|response)s?\b.{0,40}$`,
    String.raw`^\d+\s+(?:responses?|replies|thoughts)\b.{0,40}$`,
    String.raw`^have\s+your\s+say\b.{0,40}$`,
    String.raw`^comments?\s+(?:are|is)\s+(?:now\s+)?closed\b.{0,40}$`,
    String.raw`^join\s+the\s+(?:discussion|conversation)\b.{0,40}$`,
    // The same in French news: "Commentaires", "12 commentaires", "Réagissez", "Laisser un commentaire".
    String.raw`^(?:vos\s+|les\s+)?(?:commentaires|réactions)\s*(?:\([1-9]\d*\))?\s*[:»›]?$`,
    String.raw`^[1-9]\d*\s+(?:commentaires?|réactions?)\s*[:»›]?$`,
    String.raw`^(?:laisser|laissez|écrire|ajouter|poster|publier|déposer)\s+(?:un|votre)\s+(?:commentaire|réaction)\b.{0,40}$`,
    String.raw`^réag(?:ir|issez)\b.{0,40}$`,
    String.raw`^(?:les\s+)?commentaires\s+sont\s+(?:désormais\s+)?(?:fermés|clos)\b.{0,40}$`,
  ].join('|'),
  'iu',
);
/** A comments heading is a heading: short. */
const HEADING_MAX = 80;
/** Text the article needs above a comments heading: a heading near the top is a link to them. */
export const ARTICLE_BEFORE = 300;

/** "Comments", "Leave a Reply", "12 commentaires": a heading that opens readers' comments. */
export function isCommentsHeading(text: string): boolean {
  return text.length <= HEADING_MAX && COMMENTS_HEADING.test(text);
}

/**
 * An `<h1>`…`<h6>` of at most HEADING_MAX characters (`chars`, measured) that opens readers'
 * comments: `<h2 id="comments">Comments</h2>`.
 */
export function isCommentsHeadingElement(element: Element, chars: number): boolean {
  if (!isHeadingTag(element.name) || chars > HEADING_MAX) return false;
  return isCommentsHeading(collapseWhitespace(textContent(element)));
}

/**
 * The blocks up to a comments heading that follows the article's first ARTICLE_BEFORE characters.
 * A heading that comes back (digits aside) is a blog's front page, one under each post: no cut.
 */
export function cutAtComments(blocks: string[]): string[] {
  let before = 0;
  let cut = -1;
  const seen = new Set<string>();
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index] as string;
    if (isCommentsHeading(block)) {
      const heading = block.toLowerCase().replace(/\d+/g, '#');
      if (seen.has(heading)) return blocks;
      seen.add(heading);
      if (cut === -1 && before >= ARTICLE_BEFORE) cut = index;
    }
    before += block.length;
  }
  return cut === -1 ? blocks : blocks.slice(0, cut);
}

/**
 * The heading of a box of links to other stories: "Related", "Related posts:", "More headlines",
 * "You might also like", "Recommended reading", "More from <site>", "More on <topic>", "Most read",
 * and their French.
 */
const RELATED_HEADING = new RegExp(
  [
    String.raw`^(?:related(?:\s+(?:stories|articles|posts|content|news|links|reading|coverage))?`,
    // "More headlines", "More world stories from NBC News", "More content from NBCNews.com".
    String.raw`more\s+(?:[\p{L}-]+\s+){0,2}?(?:stories|news|headlines|articles|posts|content)(?:\s+from\s+.{1,30})?`,
    String.raw`more\s+(?:from|on)\s+.{1,30}`,
    String.raw`you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)`,
    String.raw`(?:recommended|suggested)(?:\s+(?:for\s+you|stories|articles|reading|posts))?`,
    String.raw`read\s+next|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?`,
    String.raw`(?:popular|latest)\s+(?:stories|posts|news|articles)`,
    // French: "À lire aussi", "Sur le même sujet", "Les plus lus", "Vous aimerez aussi".
    String.raw`(?:à\s+)?(?:lire|voir)\s+aussi|sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique`,
    String.raw`(?:les\s+)?(?:articles?|contenus?)\s+(?:les\s+plus\s+lus|similaires|liés|associés)|les\s+plus\s+lus`,
    String.raw`vous\s+(?:aimerez|pourriez\s+aimer)\s+(?:aussi|également))\s*[:»›]?$`,
  ].join('|'),
  'iu',
);
const RELATED_HEADING_MAX = 60;

/** "Related stories:", "You might also like", "À lire aussi": a box of other stories opens here. */
export function isRelatedHeading(text: string): boolean {
  const heading = collapseWhitespace(text);
  return heading.length <= RELATED_HEADING_MAX && RELATED_HEADING.test(heading);
}

/** Longer than this, a block after a "related" heading is prose, not a teaser's title. */
const TEASER_MAX = 200;
/**
 * The box is a tail: what it would cut is at most a quarter of the text above it. A forum's
 * list of threads under a "Related articles:" line near the top is the page.
 */
const TAIL_SHARE = 0.25;

/**
 * The blocks before a box of links to other stories at the end of the article: its heading
 * (the links themselves went as link-heavy) and the teasers' titles after it, all short, and
 * together short beside the article.
 */
export function cutAtRelated(blocks: string[]): string[] {
  let total = 0;
  for (const block of blocks) total += block.length;
  let before = 0;
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index] as string;
    if (
      before >= ARTICLE_BEFORE &&
      total - before <= before * TAIL_SHARE &&
      isRelatedHeading(block) &&
      blocks.slice(index + 1).every((after) => after.length < TEASER_MAX)
    )
      return blocks.slice(0, index);
    before += block.length;
  }
  return blocks;
}
