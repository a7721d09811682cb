// Lists of other stories, each a linked title over its summary: never the article's text, nor its readable paragraphs.
import { type AnyNode, type Element, isTag } from 'domhandler';
import type { TextMeasures } from './measure.ts';

/** Fewer terms than this make a short list of sources, not a box of other stories. */
const TEASERS_MIN = 3;
/** Links, but for the white space around them. */
const ALL_LINK_SHARE = 0.9;

/**
 * A `<dl>` whose every term is a link to another page: CBC's "More Manitoba headlines", other
 * stories' titles as `<dt>` and their summaries as `<dd>`. The titles went as link-heavy, the
 * summaries stayed under the article (L3S-GN1 2b08c951, fbf01fe1), and the page's readable
 * paragraphs counted them as its own. A glossary's terms are plain, or anchors without a target
 * (`<a name="artifact">`: CleanEval final/612).
 */
export function isTeaserList(element: Element, stats: TextMeasures): boolean {
  if (element.name !== 'dl') return false;
  let terms = 0;
  for (const child of element.children) {
    if (!isTag(child) || child.name !== 'dt') continue;
    if (!isAllLink(child, stats) || !holdsTarget(child)) return false;
    terms += 1;
  }
  return terms >= TEASERS_MIN;
}

function isAllLink(element: Element, stats: TextMeasures): boolean {
  const measured = stats.get(element);
  const chars = measured?.chars ?? 0;
  return chars > 0 && (measured?.linkChars ?? 0) >= chars * ALL_LINK_SHARE;
}

/** A link to another page: an `href` that is not an anchor on this one. */
function holdsTarget(element: Element): boolean {
  const stack: AnyNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isTag(node)) continue;
    const href = node.name === 'a' ? node.attribs.href : undefined;
    if (href !== undefined && href !== '' && !href.startsWith('#')) return true;
    for (const child of node.children) stack.push(child);
  }
  return false;
}
