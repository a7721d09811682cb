// Where an article's text ends inside its container: the heading of the readers' comments below it.

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
  ].join('|'),
  'iu',
);
/** A comments heading is a heading: short. */
const HEADING_MAX = 80;
/** Text the article needs above a comments heading: a heading near the top is a link to them. */
const ARTICLE_BEFORE = 300;

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
    if (block.length <= HEADING_MAX && COMMENTS_HEADING.test(block)) {
      const heading = block.toLowerCase().replace(/\d+/g, '#');
      if (seen.has(heading)) return blocks;
      seen.add(heading);
      if (cut === -1 && before >= ARTICLE_BEFORE) cut = index;
    }
    before += block.length;
  }
  return cut === -1 ? blocks : blocks.slice(0, cut);
}
