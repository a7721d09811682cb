// A body split into sections: the container widened to the ancestor whose other children are more of its prose.
import { type AnyNode, type Element, hasChildren, isTag } from 'domhandler';
import {
  BUILDER_MODULE,
  type CandidateScores,
  initialScore,
  isBody,
  NEGATIVE,
} from './candidates.ts';
import type { TextMeasures, TextStats } from './measure.ts';
import { isHeadingTag } from './text.ts';

/** Levels climbed at most to gather a body split into sibling sections. */
const SECTION_LEVELS = 3;
/** The sections added must be prose: few links, and text in paragraphs the scores saw. */
const SECTION_LINK_SHARE = 0.15;
const SECTION_PROSE_SHARE = 0.8;
/**
 * What builders wrap sections in. Not a table: an old page's layout table holds its masthead and
 * its footer in cells beside the article's, in prose too (L3S-GN1's 2008 pages).
 */
const SECTION_TAGS = new Set(['div', 'section', 'article', 'main']);
/** Readers' comments, an author's bio, a newsletter box, related stories: prose, never the article's. */
const NOT_ARTICLE =
  /comment|disqus|replies|respond|author|newsletter|subscribe|related|sidebar|footer/i;

/**
 * The ancestor whose other children are more of the article: page builders (Divi's
 * et_pb_section, HubSpot's rows, a "columns-5050" block) split a body into sections whose
 * paragraphs sit deeper than the scores climb, so the best one is chosen alone.
 */
export function widenToSections(
  best: Element,
  scores: CandidateScores,
  stats: TextMeasures,
): Element {
  if (best.attribs.itemprop === 'articleBody') return best;
  const headline = findHeadline(best);
  let node = best;
  let climbed = best;
  for (let level = 0, steps = 0; level < SECTION_LEVELS && steps < WRAPPER_STEPS; steps += 1) {
    const parent = climbed.parent;
    if (!parent || !isTag(parent) || isBody(parent) || !SECTION_TAGS.has(parent.name)) break;
    // HubSpot's `widget-span widget-type-cell` columns are a layout, not a sidebar's widget.
    if (NEGATIVE.test((parent.attribs.class ?? '').replace(BUILDER_MODULE, ' '))) break;
    const added = addedText(parent, climbed, headline, scores, stats);
    if (added === 'other') break;
    climbed = parent;
    if (added === 'prose') {
      node = parent;
      level += 1;
    }
  }
  return node;
}

/**
 * A wrapper whose only other text is this short (a callout, an image's credit) is climbed
 * through: it neither stops the widening nor widens it, a level above may. HubSpot's "Manage Your
 * Money Better" callout, a heading, a sentence and a button (215 characters), stopped WCXB 0164
 * at a third of its guide under 160. Prose that short is tested first: it widens (WCXB 2891's
 * introduction beside its body was climbed through and left out).
 */
const ASIDE_MAX = 250;
/** Not a menu: a short block of links beside the body is the frame's (a blog's post navigation). */
const ASIDE_LINK_SHARE = 0.5;

/** A date's element or class: `<time>`, `post-date`, `published`. */
const DATED = /(?:^|[\s_-])date(?:$|[\s_-])|published|posted/i;

/**
 * A post's header beside the node: a linked title or a date. The node is then one post's entry
 * in a blog's list of posts (echte-demokratie-jetzt.de), or an article under its own headline
 * and date (domradio.de): the widening stops there. A section's plain heading does not stop it.
 */
function headsPost(parent: Element, node: Element): boolean {
  const stack: AnyNode[] = parent.children.filter((child) => child !== node);
  while (stack.length > 0) {
    const next = stack.pop() as AnyNode;
    if (!isTag(next)) continue;
    if (next.name === 'time' || DATED.test(next.attribs.class ?? '')) return true;
    if (isHeadingTag(next.name) && holdsLink(next)) return true;
    for (const child of next.children) stack.push(child);
  }
  return false;
}

function holdsLink(element: Element): boolean {
  return element.children.some((child) => isTag(child) && (child.name === 'a' || holdsLink(child)));
}

/** Wrappers that add no text (a padding div, a grid cell) are climbed through, this many in all. */
const WRAPPER_STEPS = 6;

/** What a parent holds besides the node: nothing, more of the article's prose, or something else. */
function addedText(
  parent: Element,
  node: Element,
  headline: Element | null,
  scores: CandidateScores,
  stats: TextMeasures,
): 'none' | 'prose' | 'other' {
  let added = 0;
  let links = 0;
  let prose = 0;
  let blocks = 0;
  let blockChars = 0;
  for (const child of parent.children) {
    if (!isTag(child) || child === node) continue;
    const measured = stats.get(child);
    if (!measured || measured.chars === 0) continue;
    if (NOT_ARTICLE.test(`${child.attribs.class ?? ''} ${child.attribs.id ?? ''}`)) return 'other';
    if (isTitleBlock(child, measured, headline)) return 'other';
    added += measured.chars;
    links += measured.linkChars;
    const score = paragraphScore(child, scores);
    if (score >= SECTION_SCORE) prose += measured.chars;
    else if (score >= BLOCK_SCORE) {
      blocks += 1;
      blockChars += measured.chars;
    }
  }
  if (added === 0) return 'none';
  if (blocks >= BLOCK_RUN) prose += blockChars;
  if (links <= added * SECTION_LINK_SHARE && prose >= added * SECTION_PROSE_SHARE) return 'prose';
  if (added <= ASIDE_MAX && links < added * ASIDE_LINK_SHARE && !headsPost(parent, node))
    return 'none';
  return 'other';
}

/**
 * The article's headline, or the header around it with its standfirst: the title is read apart,
 * and no body's truth counts it (theverge's header came in with the widened container). Also a
 * <main> or a marked articleBody. Not a section headed by another <h1>: some sites head every
 * section with one (WCXB 4665's guide stopped at its first section).
 */
function isTitleBlock(element: Element, measured: TextStats, headline: Element | null): boolean {
  if (element.name === 'header' || element === headline) return true;
  return measured.holdsArticle && holdsMark(element, headline);
}

/** The headline, a <main> or an itemprop=articleBody below the element. */
function holdsMark(element: Element, headline: Element | null): boolean {
  const stack: AnyNode[] = [...element.children];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isTag(node)) continue;
    if (node === headline || node.name === 'main' || node.attribs.itemprop === 'articleBody')
      return true;
    for (const child of node.children) stack.push(child);
  }
  return false;
}

/** The page's first <h1>, the article's headline as articleHeading reads it. */
function findHeadline(node: Element): Element | null {
  let root: AnyNode = node;
  while (root.parent) root = root.parent;
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const next = stack.pop() as AnyNode;
    if (isTag(next) && next.name === 'h1') return next;
    if (!hasChildren(next)) continue;
    for (let index = next.children.length - 1; index >= 0; index -= 1)
      stack.push(next.children[index] as AnyNode);
  }
  return null;
}

/** What a section's paragraphs must add to a container's score: two of them, or one long one. */
const SECTION_SCORE = 6;
/**
 * A block editor's one-paragraph blocks (Gutenberg themes that wrap each paragraph in its own
 * div: WCXB 4194) score below SECTION_SCORE each; a run of this many, each scoring BLOCK_SCORE,
 * is prose. One such block alone is not: a photo's caption, a contact box.
 */
const BLOCK_SCORE = 4;
const BLOCK_RUN = 3;

/** The most a container inside the element (itself included) gained from its paragraphs, up to SECTION_SCORE. */
function paragraphScore(element: Element, scores: CandidateScores): number {
  let best = 0;
  const stack: AnyNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isTag(node)) continue;
    const score = scores.get(node);
    if (score !== undefined) best = Math.max(best, score - initialScore(node));
    if (best >= SECTION_SCORE) return best;
    for (const child of node.children) stack.push(child);
  }
  return best;
}
