// The article's main text: boilerplate removed, block containers scored in the spirit of Readability.
import type { CheerioAPI } from 'cheerio';
import { type AnyNode, type Element, hasChildren, isTag } from 'domhandler';
import {
  forgetText,
  linkDensity,
  measureParagraph,
  measureText,
  type TextMeasures,
} from './measure.ts';
import { classAndId } from './metadata.ts';
import { blockTexts, isBlockTag, textContent } from './text.ts';

/** Never article text, removed whatever their class. */
// biome-ignore format: one list, read as a set
const REMOVED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'aside', 'footer', 'form', 'iframe', 'svg',
  'button', 'select', 'textarea', 'input', 'figcaption',
]);
const REMOVED_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);

/** Class or id of a container that is never the article: comments, share bars, related links, captions. */
const UNLIKELY = new RegExp(
  [
    'comment|disqus|share|sharing|social|related|promo|newsletter|subscribe|sidebar|breadcrumb',
    'cookie|consent|popup|modal|outbrain|taboola|sponsor|advert|(^|[\\s_-])ads?([\\s_-]|$)|(^|[\\s_-])ad-',
    // "legende" is the French sites' caption class.
    'caption|legende|credit|widget|menu|pagination|pager|post-tags|tag-list|navigation|footer',
    '(^|\\s)nav(\\s|$)|read-?also|read-more|lire-aussi|a-lire|most-read',
  ].join('|'),
  'i',
);
/** Inside the article: bylines and datelines, already read as metadata (Readability drops them too). */
const ARTICLE_META =
  /byline|dateline|writtenby|author|entry-meta|post-meta|article-meta|story-meta|posted-on|kicker/i;
const POSITIVE = /article|content|entry|post|story|body|text|main/i;
const NEGATIVE =
  /comment|share|social|nav|footer|sidebar|related|promo|(^|[\s_-])ad-|newsletter|caption|meta|widget|menu|author-bio/i;
/** A block made only of share buttons, when no class gave the share bar away. */
const SHARE_WORDS =
  /^(?:(?:partager|partagez|share|tweet|tweeter|imprimer|print|e-?mail|envoyer|facebook|twitter|x|linkedin|whatsapp|telegram|pinterest|reddit|messenger|copier le lien|copy link)\s*[:|·•,]?\s*)+$/i;

const PARAGRAPH_MIN = 25;
/** Readability's share of a paragraph's score for its parent, grandparent and great-grandparent. */
const ANCESTOR_DIVIDERS = [1, 2, 6];

export interface MainContent {
  /** The best-scoring container, for looking up the article's own <h1>. */
  root: Element | null;
  blocks: string[];
}

/** Removes what is never article text; call after metadata has been read. */
export function removeBoilerplate($: CheerioAPI): TextMeasures {
  const root = $.root()[0] as AnyNode;
  $(collectElements(root, isNeverText)).remove();
  const stats = measureText(root);
  const body = collectElements(root, (element) => element.name === 'body', 1)[0];
  if (!body) return stats;
  const bodyChars = stats.get(body)?.chars ?? 0;
  // Every decision reads the sizes from before the removals, as one selector pass would have.
  const unlikely = collectElements(body, (element) => {
    if (element === body || !UNLIKELY.test(classAndId(element))) return false;
    const measured = stats.get(element);
    return !measured?.holdsArticle && (measured?.chars ?? 0) <= bodyChars / 2;
  });
  for (const element of unlikely) forgetText(stats, element);
  $(unlikely).remove();
  return stats;
}

export function selectMainContent($: CheerioAPI, stats: TextMeasures): MainContent {
  const density = (element: Element) => linkDensity(stats, element);
  const scores = scoreCandidates($.root()[0] as AnyNode, stats);
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    const final = score * (1 - density(element));
    if (final > bestScore) {
      best = element;
      bestScore = final;
    }
  }
  const root = best ?? ($('body')[0] as Element | undefined) ?? null;
  if (!root) return { root: null, blocks: [] };
  const parts = best ? withSiblings($, best, bestScore, scores, density) : [root];
  const skip = (element: Element) => {
    if (isLinkHeavy(element, density)) return true;
    const names = classAndId(element);
    return UNLIKELY.test(names) || ARTICLE_META.test(names);
  };
  const blocks = parts.flatMap((part) => blockTexts(part as AnyNode, skip));
  return { root, blocks: blocks.filter((block) => !SHARE_WORDS.test(block)) };
}

/** `script, style, nav…, [hidden], [aria-hidden="true"], [role="navigation"]…, [style*="display:none"]` */
function isNeverText(element: Element): boolean {
  const { attribs } = element;
  if (REMOVED_TAGS.has(element.name)) return true;
  if (Object.hasOwn(attribs, 'hidden') && attribs.hidden != null) return true;
  if (attribs['aria-hidden'] === 'true') return true;
  if (attribs.role !== undefined && REMOVED_ROLES.has(attribs.role)) return true;
  const style = attribs.style;
  return style !== undefined && (style.includes('display:none') || style.includes('display: none'));
}

/**
 * The elements under `root` (itself included) that pass `test`, in document order, without
 * looking inside those found: removing one removes what it holds.
 */
function collectElements(
  root: AnyNode,
  test: (element: Element) => boolean,
  limit = Number.POSITIVE_INFINITY,
): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0 && found.length < limit) {
    const node = stack.pop() as AnyNode;
    if (isTag(node) && test(node)) {
      found.push(node);
      continue;
    }
    if (!hasChildren(node)) continue;
    for (let index = node.children.length - 1; index >= 0; index -= 1) {
      stack.push(node.children[index] as AnyNode);
    }
  }
  return found;
}

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'li', 'div', 'section']);

/** Each paragraph gives its score to its parent, half to its grandparent, a sixth to the next. */
function scoreCandidates(root: AnyNode, stats: TextMeasures): Map<Element, number> {
  const scores = new Map<Element, number>();
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (hasChildren(node)) {
      for (let index = node.children.length - 1; index >= 0; index -= 1) {
        stack.push(node.children[index] as AnyNode);
      }
    }
    if (node.type !== 'tag' || !PARAGRAPH_TAGS.has(node.name) || !isParagraph(node)) continue;
    // The measured length bounds the collapsed text's: most short blocks need no text at all.
    if ((stats.get(node)?.chars ?? 0) < PARAGRAPH_MIN) continue;
    const { length, commas } = measureParagraph(node);
    if (length < PARAGRAPH_MIN) continue;
    const score = 1 + commas + Math.min(Math.floor(length / 100), 3);
    let ancestor = node.parent;
    for (const divider of ANCESTOR_DIVIDERS) {
      if (ancestor?.type !== 'tag') break;
      const container = ancestor as Element;
      scores.set(container, (scores.get(container) ?? initialScore(container)) + score / divider);
      ancestor = container.parent;
    }
  }
  return scores;
}

/** A <p>-like element: p, li and friends, or a div holding text but no blocks (AMP and sloppy markup). */
function isParagraph(element: Element): boolean {
  if (['p', 'pre', 'td', 'blockquote', 'li'].includes(element.tagName)) return true;
  return element.children.every(
    (child) => child.type !== 'tag' || !isBlockTag(child.name) || child.name === 'br',
  );
}

function initialScore(element: Element): number {
  const byTag: Record<string, number> = { div: 5, article: 5, pre: 3, td: 3, blockquote: 3 };
  const penalty = /^(address|ol|ul|dl|dd|dt|li|form|h[1-6]|th)$/.test(element.tagName) ? -3 : 0;
  const itemprop = element.attribs.itemprop === 'articleBody' ? 25 : 0;
  return (byTag[element.tagName] ?? 0) + penalty + itemprop + classWeight(element);
}

/** ±25 for the class, ±25 for the id, as Readability weighs them. */
function classWeight(element: Element): number {
  let weight = 0;
  for (const name of [element.attribs.class ?? '', element.attribs.id ?? '']) {
    if (NEGATIVE.test(name)) weight -= 25;
    if (POSITIVE.test(name)) weight += 25;
  }
  return weight;
}

/** The best container and those siblings that also read like article text (split bodies, a leading chapô). */
function withSiblings(
  $: CheerioAPI,
  best: Element,
  bestScore: number,
  scores: Map<Element, number>,
  density: (element: Element) => number,
): Element[] {
  const threshold = Math.max(10, bestScore * 0.2);
  return $(best.parent ?? best)
    .children()
    .toArray()
    .filter((sibling) => {
      if (sibling === best) return true;
      if ((scores.get(sibling) ?? 0) * (1 - density(sibling)) >= threshold) return true;
      if (sibling.tagName !== 'p') return false;
      return textContent(sibling).trim().length > 80 && density(sibling) < 0.25;
    });
}

function isLinkHeavy(element: Element, density: (element: Element) => number): boolean {
  if (!['p', 'li', 'ul', 'ol', 'div', 'section', 'table', 'dl'].includes(element.tagName))
    return false;
  return density(element) > 0.5;
}
