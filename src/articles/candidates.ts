// Which container holds the article: paragraphs score their ancestors, then the winner is refined as Readability does.
import { type AnyNode, type Element, hasChildren, isTag } from 'domhandler';
import { isStreamedSegment } from './hidden.ts';
import { linkDensity, measureParagraph, type TextMeasures } from './measure.ts';
import { isBlockTag, textContent } from './text.ts';

const POSITIVE = /article|content|entry|post|story|body|text|main/i;
export const NEGATIVE = new RegExp(
  [
    'comment|share|social|nav|footer|sidebar|related|promo|(^|[\\s_-])ad-|newsletter|caption|meta',
    // Readability's negative words besides.
    'widget|menu|author-bio|hidden|banner|combx|com-|contact|masthead|media|outbrain|scroll',
    'shoutbox|skyscraper|sponsor|shopping|tags|legends',
  ].join('|'),
  'i',
);

/**
 * "Widget" names a sidebar's boxes, and also the modules that some editors build every page of:
 * HubSpot's CMS splits a post into `widget-span widget-type-cell` columns and
 * `hs_cos_wrapper_widget widget-type-rich_text` modules, CKEditor 5 leaves `ck-widget` around
 * the sections it edited (WCXB 0164 and 4705 lost two thirds of their text), and a "best of"
 * guide puts each product's review in a `c-product-widget` card (Reviewed: WCXB 0010 and 4430
 * read only their introductions). These names say nothing of what the block holds: its other
 * names are judged alone.
 */
export const BUILDER_MODULE =
  /(?<=^|\s)(?:hs_cos_wrapper_widget|widget-span|widget-type-[\w-]+|ck-widget|[\w-]*product-widget[\w-]*)(?=\s|$)/gi;

const PARAGRAPH_MIN = 25;
/**
 * A paragraph's score goes whole to its parent, half to its grandparent, and a third of its
 * level to each ancestor up to the fifth, as Readability spreads it.
 */
const ANCESTOR_DIVIDERS = [1, 2, 6, 9, 12];
/** List items are teasers in link lists and galleries far more often than article text. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'div', 'section']);
/** Candidates compared for a shared ancestor, and how many of them must share it. */
const TOP_CANDIDATES = 5;
const SHARED_BY = 3;

/** Each candidate's score, already discounted by its link density. */
export type CandidateScores = Map<Element, number>;

export interface Candidates {
  scores: CandidateScores;
  /** Elements marked itemprop=articleBody, in document order. */
  marked: Element[];
}

/** Text a marked articleBody needs before it outranks the scores: not a lone lead or caption. */
const MARKED_MIN = 250;

/** Each paragraph gives its score to its parent, half to its grandparent, and less to the next three. */
export function scoreCandidates(root: AnyNode, stats: TextMeasures): Candidates {
  const scores = new Map<Element, number>();
  const marked: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (hasChildren(node)) {
      for (let index = node.children.length - 1; index >= 0; index -= 1) {
        stack.push(node.children[index] as AnyNode);
      }
    }
    if (node.type === 'tag' && node.attribs.itemprop === 'articleBody') marked.push(node);
    if (node.type !== 'tag' || !PARAGRAPH_TAGS.has(node.name)) continue;
    const kind = paragraphKind(node, stats);
    if (kind === 'none') continue;
    // The measured length bounds the collapsed text's: most short blocks need no text at all.
    if ((stats.get(node)?.chars ?? 0) < PARAGRAPH_MIN) continue;
    const { length, commas } = measureParagraph(node);
    if (length < PARAGRAPH_MIN || isPlaceholder(node)) continue;
    const score = 1 + commas + Math.min(Math.floor(length / 100), 3);
    let ancestor = kind === 'loose' ? node : node.parent;
    for (const divider of ANCESTOR_DIVIDERS) {
      if (ancestor?.type !== 'tag') break;
      const container = ancestor as Element;
      scores.set(container, (scores.get(container) ?? initialScore(container)) + score / divider);
      ancestor = container.parent;
    }
  }
  for (const [element, score] of scores)
    scores.set(element, score * (1 - linkDensity(stats, element)));
  return { scores, marked };
}

/** A designer's filler text, left in a template's unused blocks. */
const PLACEHOLDER = /^\s*lorem ipsum\b/i;

/**
 * A paragraph of "Lorem ipsum": a page template's empty modules (WCXB 0285's four columns of
 * it outscored the article). Its first words are read from its first text.
 */
function isPlaceholder(node: AnyNode): boolean {
  let first: AnyNode | undefined = node;
  while (first && hasChildren(first)) {
    first = first.children.find((child) => child.type !== 'text' || child.data.trim() !== '');
  }
  return first?.type === 'text' && PLACEHOLDER.test(first.data);
}

/**
 * The best container, moved up to the ancestor that several near-best candidates share (a body
 * split into blocks), to a parent that scores higher, and past wrappers with one child.
 */
export function chooseContainer(candidates: Candidates, stats: TextMeasures): Element | null {
  const { scores } = candidates;
  const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, TOP_CANDIDATES);
  const top = ranked[0];
  if (!top) return null;
  let best = sharedAncestor(top[0], top[1], ranked) ?? top[0];
  best = richerParent(best, scores);
  best = markedBody(best, candidates.marked, stats) ?? best;
  while (isTag(best.parent as AnyNode) && !isBody(best.parent as Element)) {
    const parent = best.parent as Element;
    if (!isOnlyText(best, parent, stats)) break;
    best = parent;
  }
  return best;
}

/** What a wrapper may hold besides the container: a "Read more" label, a button's caption. */
const LABEL_MAX = 30;

/**
 * The container is its parent's only child with text: a wrapper (herald-sun-1 holds the rest of
 * its article in "read-more-content" beside a "Read more" label, and its lede one level up).
 */
function isOnlyText(best: Element, parent: Element, stats: TextMeasures): boolean {
  let other = 0;
  for (const child of parent.children)
    if (isTag(child) && child !== best) other += stats.get(child)?.chars ?? 0;
  return other <= LABEL_MAX;
}

function sharedAncestor(best: Element, score: number, ranked: [Element, number][]): Element | null {
  const close = ranked.slice(1).filter(([, other]) => other >= score * 0.75);
  if (close.length < SHARED_BY) return null;
  for (let node = best.parent; isTag(node as AnyNode); node = (node as Element).parent) {
    const ancestor = node as Element;
    if (isBody(ancestor)) return null;
    if (close.filter(([other]) => isAncestor(ancestor, other)).length >= SHARED_BY) return ancestor;
  }
  return null;
}

/**
 * Climbs while ancestors keep a third of the score, to the first that beats it (Readability
 * compares each with the one below; comparing with the best avoids drifting up on ties).
 */
function richerParent(best: Element, scores: CandidateScores): Element {
  const top = scores.get(best) ?? 0;
  for (let node = best.parent; isTag(node as AnyNode); node = (node as Element).parent) {
    const parent = node as Element;
    if (isBody(parent)) break;
    const score = scores.get(parent);
    if (score === undefined) continue;
    if (score < top / 3) break;
    if (score > top) return parent;
  }
  return best;
}

/**
 * The page's own itemprop=articleBody when it holds real text and the scores chose a block
 * inside it or elsewhere (a gallery's captions); a container around it stays, lead included.
 */
function markedBody(best: Element, marked: Element[], stats: TextMeasures): Element | null {
  const bodies = marked.filter((element) => {
    const measured = stats.get(element);
    return measured && measured.chars >= MARKED_MIN && linkDensity(stats, element) < 0.5;
  });
  const first = bodies[0];
  const body = (first && commonWrapper(bodies, stats)) ?? first;
  if (!body || body === best || isAncestor(best, body)) return null;
  return body;
}

/** The marked parts' text must make this share of their common ancestor's. */
const PARTS_SHARE = 0.6;

/**
 * A body marked in several parts (theatlantic.com marks each section between two ads
 * itemprop=articleBody): the nearest ancestor of them all, when it holds little else.
 */
function commonWrapper(parts: Element[], stats: TextMeasures): Element | null {
  const outer = parts.filter((part) => !parts.some((other) => isAncestor(other, part)));
  if (outer.length < 2) return null;
  let ancestor = outer[0]?.parent;
  while (
    isTag(ancestor as AnyNode) &&
    !outer.every((part) => isAncestor(ancestor as Element, part))
  )
    ancestor = (ancestor as Element).parent;
  if (!isTag(ancestor as AnyNode) || isBody(ancestor as Element)) return null;
  const wrapper = ancestor as Element;
  const partsChars = outer.reduce((sum, part) => sum + (stats.get(part)?.chars ?? 0), 0);
  return partsChars >= (stats.get(wrapper)?.chars ?? 0) * PARTS_SHARE ? wrapper : null;
}

function isAncestor(ancestor: Element, node: Element): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

export function isBody(element: Element): boolean {
  return element.name === 'body' || element.name === 'html';
}

/**
 * A <p>-like element (`paragraph`): p, pre and friends, or a div holding text but no blocks (AMP
 * and sloppy markup). Or a div whose text is mostly its own, in runs split by `<br>`s, beside a
 * block or two (`loose`): an old page's body, with a "Last modified" line or a share button
 * below it. Readability wraps such runs in paragraphs of the div, so the div scores as their
 * container: L3S-GN1 d234a669 and Dragnet R268 read their sidebars.
 */
function paragraphKind(element: Element, stats: TextMeasures): 'none' | 'paragraph' | 'loose' {
  if (PARAGRAPH_ELEMENTS.has(element.tagName)) return 'paragraph';
  let blocks = false;
  let breaks = false;
  for (const child of element.children) {
    if (!isTag(child) || !isBlockTag(child.name)) continue;
    if (child.name === 'br') breaks = true;
    else blocks = true;
    if (blocks && breaks) break;
  }
  if (!blocks) return 'paragraph';
  if (!breaks) return 'none';
  // Only a div with both blocks and <br>s sums its blocks' text (most have none or no <br>).
  let blockChars = 0;
  for (const child of element.children) {
    if (isTag(child) && child.name !== 'br' && isBlockTag(child.name)) {
      blockChars += stats.get(child)?.chars ?? 0;
    }
  }
  const loose =
    blockChars > 0 && blockChars <= (stats.get(element)?.chars ?? 0) * (1 - LOOSE_SHARE);
  return loose ? 'loose' : 'none';
}

const PARAGRAPH_ELEMENTS = new Set(['p', 'pre', 'td', 'blockquote']);

/** The share of a div's text its own runs hold for the div to score as their container. */
const LOOSE_SHARE = 0.75;

export function initialScore(element: Element): number {
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

/**
 * The container and those siblings that also read like article text (split bodies, a leading
 * chapô): a sibling with the container's class gets a fifth of its score as a bonus. A segment
 * React streamed (`<div hidden id="S:3">`) is joined by the other segments that read as text:
 * Next.js streams an article section by section, each a sibling at the body's level, and the
 * scores kept only the longest (WCXB 4503 lost a third of its guide).
 */
export function withSiblings(
  best: Element,
  scores: CandidateScores,
  stats: TextMeasures,
): Element[] {
  const bestScore = scores.get(best) ?? initialScore(best);
  const threshold = Math.max(10, bestScore * 0.2);
  const siblings = best.parent ? best.parent.children.filter(isTag) : [best];
  const className = best.attribs.class ?? '';
  const streamed = isStreamedSegment(best);
  const variant = isLayoutVariant(best);
  return siblings.filter((sibling) => {
    if (sibling === best) return true;
    if (streamed && isStreamedSegment(sibling)) return isUnscoredProse(sibling, stats);
    if (variant && isLayoutVariant(sibling)) return false;
    const sameClass = className !== '' && sibling.attribs.class === className;
    const score = scores.get(sibling);
    if (score === undefined && sameClass) return isUnscoredProse(sibling, stats);
    if ((score ?? Number.NEGATIVE_INFINITY) + (sameClass ? bestScore * 0.2 : 0) >= threshold)
      return true;
    if (sibling.tagName !== 'p') return false;
    const density = linkDensity(stats, sibling);
    const length = textContent(sibling).trim().length;
    if (length > 80) return density < 0.25;
    return length > 0 && density === 0 && /\.( |$)/.test(textContent(sibling));
  });
}

/**
 * Framer renders a page once per breakpoint, each copy a sibling `<div class="ssr-variant
 * hidden-…">` its style sheet hides on the other screens: the copies beside the chosen one are
 * the same article again (WCXB 0355 was read twice).
 */
function isLayoutVariant(element: Element): boolean {
  return /(?:^|\s)ssr-variant(?:\s|$)/.test(element.attribs.class ?? '');
}

/** Text a same-class sibling needs to join the container without a score of its own. */
const UNSCORED_MIN = 200;

/**
 * A sibling in the container's own wrapper class whose paragraphs sit deeper than the scores
 * climb (quanta-1 wraps its lead in four more levels than the rest): kept when it reads as text.
 */
function isUnscoredProse(sibling: Element, stats: TextMeasures): boolean {
  const chars = stats.get(sibling)?.chars ?? 0;
  return chars >= UNSCORED_MIN && linkDensity(stats, sibling) < 0.25;
}
