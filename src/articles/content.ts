// The article's main text: boilerplate removed, block containers scored in the spirit of Readability.
import type { CheerioAPI } from 'cheerio';
import { type AnyNode, type Element, hasChildren, isTag } from 'domhandler';
import { BUILDER_MODULE, chooseContainer, scoreCandidates, withSiblings } from './candidates.ts';
import {
  cutAtComments,
  cutAtRelated,
  isCommentsHeadingElement,
  isRelatedHeading,
} from './ending.ts';
import { hasHiddenClass, isHidden } from './hidden.ts';
import { forgetText, linkDensity, measureText, type TextMeasures } from './measure.ts';
import { classAndId } from './metadata.ts';
import { widenToSections } from './sections.ts';
import { isTeaserList } from './teasers.ts';
import { blockTexts, collapseWhitespace, isBlockTag, isHeadingTag, textContent } from './text.ts';

/** Never article text, removed whatever their class. */
// biome-ignore format: one list, read as a set
const REMOVED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg',
  'button', 'select', 'textarea', 'input', 'figcaption',
]);
/** The page's frame: never the article, unless unclosed markup left the whole page inside one. */
const LAYOUT_TAGS = new Set(['nav', 'aside', 'footer']);
const REMOVED_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);

/** Class or id of a container that is never the article: comments, share bars, related links, captions. */
const UNLIKELY = new RegExp(
  [
    'comment|disqus|share|sharing|social|related|promo|newsletter|subscribe|sidebar|breadcrumb',
    'cookie|consent|popup|modal|outbrain|taboola|sponsor|advert|(^|[\\s_-])ads?([\\s_-]|$)|(^|[\\s_-])ad-',
    // "legende" is the French sites' caption class.
    'caption|legende|credit|widget|menu|pagination|pager|post-tags|tag-list|navigation|footer',
    '(^|\\s)nav(\\s|$)|legends|combx|community|remark|replies|shoutbox|skyscraper|supplemental',
    'agegate|gdpr',
  ].join('|'),
  'i',
);
/**
 * Readability keeps an unlikely class that also says content ("elementor-widget-post-content"),
 * unless it names what is never the article whatever else it says.
 */
const MAYBE_CONTENT = /article|body|column|content|main/i;
const NEVER_CONTENT =
  /comment|disqus|share|social|related|sidebar|footer|newsletter|cookie|popup|modal|outbrain|taboola|advert/i;
/**
 * "Read also" boxes: removed when they are links or short, since "read-more" also names the
 * collapsed rest of an article behind a "Read more" button.
 */
const LINK_BOX = /read-?also|read-more|lire-aussi|a-lire|most-read/i;
const LINK_BOX_TEXT = 200;
/** Inside the article: bylines and datelines, already read as metadata (Readability drops them too). */
const ARTICLE_META =
  /byline|dateline|writtenby|author|entry-meta|post-meta|article-meta|story-meta|posted-on|kicker/i;
/** The author's box under the article: a bio and links, however long (plugins such as Simple Author Box). */
const AUTHOR_BOX =
  /author[-_]?(?:box|bio|info|detail|description|card|profile|about)|about[-_]?(?:the[-_]?)?author|saboxplugin/i;
/** Longer than this, a block with a byline's class is article text (Readability: 100). */
const BYLINE_MAX = 200;
/** A block made only of share buttons, when no class gave the share bar away. */
const SHARE_WORDS =
  /^(?:(?:partager|partagez|share|tweet|tweeter|imprimer|print|e-?mail|envoyer|facebook|twitter|x|linkedin|whatsapp|telegram|pinterest|reddit|messenger|copier le lien|copy link)\s*[:|·•,]?\s*)+$/i;

/**
 * A block that is only a label of the page's furniture: an advertisement's slot ("Advertisement",
 * "Story continues below advertisement"), a photo's or the text's controls ("Click photo to
 * enlarge", "Hide caption", "Text size"), a reading time. Never the article's words; news sites
 * leave them between its paragraphs, under no class that gives them away.
 */
const PAGE_LABEL = new RegExp(
  [
    String.raw`^(?:advertisements?|advertising|advertisement\s*[-–—:]?\s*scroll\s+to\s+continue|sponsored(?:\s+(?:links?|content|ads?))?|publicité|anzeige`,
    String.raw`(?:story|article|text)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|continue\s+reading\s+below|scroll\s+to\s+continue(?:\s+with\s+content)?`,
    String.raw`(?:click|tap)\s+(?:the\s+)?(?:photo|image|picture)\s+to\s+enlarge|enlarge\s+(?:photo|image|this\s+image)|(?:hide|toggle|show)\s+caption`,
    String.raw`text\s+size|font\s+size|(?:print|email|e-mail)\s+this\s+(?:page|article|story)|printer[-\s]friendly(?:\s+(?:page|version))?`,
    String.raw`\d+\s+min(?:ute)?s?\s+read|skip\s+to\s+(?:main\s+)?content)\s*[:.]?$`,
  ].join('|'),
  'iu',
);

export interface MainContent {
  /** The best-scoring container, for looking up the article's own <h1>. */
  root: Element | null;
  blocks: string[];
}

/**
 * How hard to cut: `strict` removes containers whose class says comments, captions, widgets…;
 * `relaxed`, the second pass for a page whose strict pass kept almost nothing (Readability
 * retries without FLAG_STRIP_UNLIKELYS the same way), trusts no class; `revealed`, the last
 * pass for a page still near-empty, also keeps a hidden element that holds most of the page.
 */
export type Strictness = 'strict' | 'relaxed' | 'revealed';

/** Removes what is never article text; call after metadata has been read. */
export function removeBoilerplate($: CheerioAPI, strictness: Strictness = 'strict'): TextMeasures {
  const root = $.root()[0] as AnyNode;
  const revealed = strictness === 'revealed';
  const strict = strictness === 'strict';
  $(
    collectElements(
      root,
      (element) => isNeverText(element, !revealed) || (strict && hasHiddenClass(element)),
    ),
  ).remove();
  const stats = measureText(root);
  const body = collectElements(root, (element) => element.name === 'body', 1)[0];
  if (!body) return stats;
  const bodyChars = stats.get(body)?.chars ?? 0;
  if (revealed) removeHidden($, body, stats, bodyChars);
  if (strictness !== 'strict') return stats;
  // Every decision reads the sizes from before the removals, as one selector pass would have.
  const unlikely = collectElements(body, (element) => {
    if (element === body || !isUnlikely(element, stats) || wrapsContent(element, stats))
      return false;
    const measured = stats.get(element);
    // The heading over readers' comments is kept, so that the text ends there (cutAtComments):
    // removed for its id, it let the comments run on as the article's (Dragnet R196).
    if (isCommentsHeadingElement(element, measured?.chars ?? 0)) return false;
    return !measured?.holdsArticle && ((measured?.chars ?? 0) <= bodyChars / 2 || isList(element));
  });
  for (const element of unlikely) forgetText(stats, element);
  $(unlikely).remove();
  return stats;
}

export function selectMainContent(
  $: CheerioAPI,
  stats: TextMeasures,
  strictness: Strictness = 'strict',
): MainContent {
  const candidates = scoreCandidates($.root()[0] as AnyNode, stats);
  const chosen = chooseContainer(candidates, stats);
  const best = chosen && widenToSections(chosen, candidates.scores, stats);
  const root = best ?? ($('body')[0] as Element | undefined) ?? null;
  if (!root) return { root: null, blocks: [] };
  const parts = best ? withSiblings(best, candidates.scores, stats) : [root];
  const blocks = parts.flatMap((part) =>
    blockTexts(part as AnyNode, skipper(part, stats, strictness)),
  );
  const kept = blocks.filter((block) => !SHARE_WORDS.test(block) && !PAGE_LABEL.test(block));
  return { root, blocks: cutAtRelated(cutAtComments(kept)) };
}

/** The share of its parent's text a wrapper holds to take the parent's class instead of its own. */
const WRAPPER_SHARE = 0.9;

/**
 * The inner wrapper of a block kept for its content class, unless its own class says it is
 * never the article (a sidebar filling a "bodycol" column) or it is a form: Elementor's
 * `elementor-widget-theme-post-content` holds an `elementor-widget-container` that holds the
 * article, and "widget" alone would have removed it (WCXB 0296 read a list of other posts).
 */
function wrapsContent(element: Element, stats: TextMeasures): boolean {
  const parent = element.parent;
  if (!parent || !isTag(parent) || element.name === 'form') return false;
  if (NEVER_CONTENT.test(classAndId(element))) return false;
  const names = classAndId(parent);
  if (!MAYBE_CONTENT.test(names) || NEVER_CONTENT.test(names)) return false;
  return (stats.get(element)?.chars ?? 0) >= (stats.get(parent)?.chars ?? 0) * WRAPPER_SHARE;
}

/** A list is never the wrapper of an article, however much of the page it holds (a gallery's captions). */
function isList(element: Element): boolean {
  return element.name === 'ul' || element.name === 'ol';
}

/**
 * An unlikely class, a <form> that holds no article's paragraphs (ASP.NET pages wrap the whole
 * page, or its centre column, in one), or a link box.
 * The callers keep those that hold most of the page or its <h1>.
 */
function isUnlikely(element: Element, stats: TextMeasures): boolean {
  const names = withoutTaxonomy(classAndId(element).replace(BUILDER_MODULE, ' '));
  if (element.name === 'form') return UNLIKELY.test(names) || !isTextForm(element, stats);
  if (UNLIKELY.test(names)) {
    if (MAYBE_CONTENT.test(names) && !NEVER_CONTENT.test(names)) return false;
    if (isInCode(element)) return false;
    return !isHeadingAnchor(element) || UNLIKELY.test(element.attribs.class ?? '');
  }
  if (!LINK_BOX.test(names)) return false;
  const chars = stats.get(element)?.chars ?? 0;
  return chars < LINK_BOX_TEXT || linkDensity(stats, element) > 0.3;
}

/** A blog post's own classes, as WordPress's post_class() and TypePad write them. */
const POST_CLASS =
  /(?:^|\s)(?:hentry|type-post|status-publish|post-\d+|entry-type-[\w-]+)(?=\s|$)/i;
/** The post's categories, tags, author and format, each a class: `category-social-media`. */
const TAXONOMY = /(?<=^|\s)(?:entry-)?(?:category|tag|author|format)-[\w-]+(?=\s|$)/gi;

/**
 * A post's names without its taxonomy: the topics it is filed under say nothing of the block. A
 * post filed under "social media" or tagged "sharing" read as a share bar and went (Dragnet R60,
 * TypePad's `entry-category-social_media`); the comments were read instead.
 */
function withoutTaxonomy(names: string): string {
  return POST_CLASS.test(names) ? names.replace(TAXONOMY, ' ') : names;
}

/** Paragraphs, and their text, a <form> holds to be a page's wrapper rather than a form. */
const FORM_PARAGRAPHS = 3;
const FORM_PROSE_MIN = 500;

/**
 * A <form> that holds paragraphs: ASP.NET wraps a page's centre column in its one form, the
 * article with it (L3S-GN1 4e9a3cb3 lost its article with the form). A search box, a login, a
 * poll or a contact form holds labels and options, and a paragraph of privacy notice at most.
 */
function isTextForm(element: Element, stats: TextMeasures): boolean {
  if ((stats.get(element)?.chars ?? 0) < FORM_PROSE_MIN) return false;
  let prose = 0;
  let paragraphs = 0;
  const stack: AnyNode[] = [...element.children];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isTag(node)) continue;
    if (node.name !== 'p') for (const child of node.children) stack.push(child);
    else if ((stats.get(node)?.chars ?? 0) > 0) {
      prose += stats.get(node)?.chars ?? 0;
      paragraphs += 1;
    }
  }
  const enough = paragraphs >= FORM_PARAGRAPHS && prose >= FORM_PROSE_MIN;
  return enough && linkDensity(stats, element) < 0.25;
}

/**
 * Inside a code listing, classes are the highlighter's (Prism's `token comment`, highlight.js's
 * `hljs-comment`): a listing lost its comment lines (WCXB 0437). Readability skips its unlikely
 * test inside <code> the same way.
 */
function isInCode(element: Element): boolean {
  for (let node = element.parent; node && isTag(node); node = node.parent) {
    if (node.name === 'code' || node.name === 'pre') return true;
  }
  return false;
}

/**
 * What to leave out inside a chosen part: link lists, and blocks whose class says comments,
 * share bar or byline. Never the part itself, nor a wrapper of most of its text (a class such
 * as "author-jane" on the article), and a byline only while it is short, as Readability's.
 */
function skipper(
  part: Element,
  stats: TextMeasures,
  strictness: Strictness,
): (element: Element) => boolean {
  const partChars = stats.get(part)?.chars ?? 0;
  const density = (element: Element) => linkDensity(stats, element);
  return (element) => {
    if (element === part) return false;
    if (isLinkHeavy(element, density) || isTeaserList(element, stats)) return true;
    if (strictness !== 'strict') return false;
    const names = classAndId(element);
    if (names === '') return false;
    const chars = stats.get(element)?.chars ?? 0;
    if (isCommentsHeadingElement(element, chars)) return false;
    if (chars > partChars / 2 && !isList(element)) return false;
    if (ARTICLE_META.test(names) && chars < BYLINE_MAX) return true;
    if (isAuthorBox(element, names)) return true;
    return isUnlikely(element, stats);
  };
}

/**
 * A block that presents the author (AUTHOR_BOX, or `itemprop=author` on a block): their bio is
 * not the article's text (WCXB: CR Maids' owner, CNX Software's founder, Elementor's author box).
 */
function isAuthorBox(element: Element, names: string): boolean {
  if (!isBlockTag(element.name)) return false;
  return AUTHOR_BOX.test(names) || element.attribs.itemprop === 'author';
}

/**
 * A section whose id is its heading's slug (`<div id="sharing-with-a-single-developer"><h2>Sharing
 * with a single developer</h2>`, as Sphinx, Markdown renderers and wikis write anchors): the id
 * says what the text is about, not what the block is for.
 */
function isHeadingAnchor(element: Element): boolean {
  const id = element.attribs.id;
  if (!id) return false;
  const heading = element.children.find((child) => isTag(child) && isHeadingTag(child.name));
  if (!heading) return false;
  const slug = textContent(heading)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return slug !== '' && slug === id.toLowerCase();
}

/**
 * `script, style…`; unless `framed` is false (the last pass, which weighs them first), the
 * frame (`nav, aside, footer, [role="navigation"]…`) and hidden elements.
 */
function isNeverText(element: Element, framed: boolean): boolean {
  if (REMOVED_TAGS.has(element.name)) return true;
  return framed && (isFrame(element) || isHidden(element));
}

function isFrame(element: Element): boolean {
  const { role } = element.attribs;
  return LAYOUT_TAGS.has(element.name) || (role !== undefined && REMOVED_ROLES.has(role));
}

/**
 * Removes hidden elements (menus, modals, templates of widgets) and the frame, except one holding
 * more than half the page's text: a page saved while a modal was open marks the whole app root
 * aria-hidden, and a paywall hides a body its script reveals. A frame element must also hold the
 * article's <h1> or <main> (an `<aside>` banner left unclosed around the whole page, WCXB 4459),
 * not be the blurb of a page with next to no article. Readability drops them and reads such
 * pages empty; the hidden elements and the frame inside a kept one still go.
 */
function removeHidden($: CheerioAPI, body: Element, stats: TextMeasures, bodyChars: number): void {
  const hidden = collectElements(body, (element) => {
    const measured = stats.get(element);
    const most = (measured?.chars ?? 0) > bodyChars / 2;
    if (isFrame(element)) return !most || !measured?.holdsArticle;
    return isHidden(element) && !most;
  });
  for (const element of hidden) forgetText(stats, element);
  $(hidden).remove();
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

/**
 * Mostly links: a menu, a box of other stories. Not a list the article's text leads into ("The
 * tools we recommend:", then their names, each a link to the shop): it is the article's (WCXB
 * 0215's course lists, 0275's, yahoo-1's; Readability keeps every list whose class is not
 * negative).
 */
function isLinkHeavy(element: Element, density: (element: Element) => number): boolean {
  if (!['p', 'li', 'ul', 'ol', 'div', 'section', 'table', 'dl'].includes(element.tagName))
    return false;
  if (density(element) <= 0.5) return false;
  const list = element.name === 'li' ? element.parent : element;
  return !(list && isTag(list) && isListInProse(list, density(list)));
}

/** A paragraph's text that makes it prose rather than a label, before and after a list. */
const PROSE_BEFORE = 80;
const PROSE_AFTER = 20;
/** Beyond this share of links, a list between paragraphs is a box of other stories' titles. */
const LIST_IN_PROSE_LINKS = 0.85;

/**
 * A list after a paragraph that announces it with a colon, unless it says "Related:" or "You
 * might also like:". Or a list between two paragraphs of prose whose items have words of their
 * own beside their links ("Bad news! – 16.2%", Dragnet R780): NBC's titles of other stories,
 * right after the article's last paragraph, are links and nothing else.
 */
function isListInProse(element: Element, density: number): boolean {
  if (element.name !== 'ul' && element.name !== 'ol') return false;
  const previous = previousElement(element);
  if (previous?.name !== 'p') return false;
  const intro = collapseWhitespace(textContent(previous));
  if (isRelatedHeading(intro)) return false;
  if (intro.endsWith(':')) return true;
  if (density > LIST_IN_PROSE_LINKS || intro.length < PROSE_BEFORE) return false;
  const next = nextElement(element);
  if (!next || !/^(?:p|h[2-6])$/.test(next.name)) return false;
  return collapseWhitespace(textContent(next)).length >= PROSE_AFTER;
}

function nextElement(node: AnyNode): Element | null {
  for (let next = node.next; next; next = next.next) if (isTag(next)) return next;
  return null;
}

function previousElement(node: AnyNode): Element | null {
  for (let previous = node.prev; previous; previous = previous.prev)
    if (isTag(previous)) return previous;
  return null;
}
