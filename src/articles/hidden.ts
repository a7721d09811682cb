// Which elements a page's style or scripts hide: the `hidden` attribute, styles, framework classes, and the exceptions.
import { type Element, isTag } from 'domhandler';
import { classAndId } from './page-scan.ts';

/** Hidden as Readability's _isProbablyVisible reads it. */
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** `[hidden], [aria-hidden="true"], [style*="display:none"]`, `visibility: hidden` */
export function isHidden(element: Element): boolean {
  const { attribs } = element;
  if (Object.hasOwn(attribs, 'hidden') && attribs.hidden != null)
    return !isStreamedSegment(element) && !isFoldedPanel(element);
  if (attribs['aria-hidden'] === 'true') return true;
  const style = attribs.style;
  return style !== undefined && HIDDEN_STYLE.test(style) && !isFoldedPanel(element);
}

/** Class or id of an accordion's panel, or of the accordion around it. */
const FOLDED = /accordion|collaps|faq/i;

/**
 * The folded panel of an accordion (a FAQ's answers, a how-to's steps): hidden until its heading
 * is clicked, and part of the article (WCXB's truth keeps them: 0026, 0312, 4193). WAI-ARIA's
 * accordion pattern marks it `role="region"` labelled by its heading's button; others say so by
 * their class or their parent's.
 */
function isFoldedPanel(element: Element): boolean {
  const { attribs } = element;
  if (attribs.role === 'region' && attribs['aria-labelledby'] !== undefined) return true;
  if (FOLDED.test(classAndId(element))) return true;
  const parent = element.parent;
  return parent !== null && isTag(parent) && FOLDED.test(classAndId(parent));
}

/**
 * Class names that frameworks' style sheets hide (Bootstrap's `d-none`, Foundation's `hide`,
 * Webflow's `w-condition-invisible`), as whole names: `hidden-xs` hides on phones only. Webflow
 * pages keep a second copy of the article under `<main class="post-main hide">`, which was read
 * twice (WCXB 1396). Tailwind's `invisible` hides a menu's flyouts until they are opened: their
 * section descriptions outweighed a short article in the readable fallback (WCXB 4105, 0.66 →
 * 0.81). Not screen-reader text (`visually-hidden`, `sr-only`): it is read out, and
 * Readability's truth keeps it (nytimes' "Photo" and "Continue reading the main story").
 */
const HIDDEN_CLASS =
  /(?:^|\s)(?:hide|hidden|invisible|is-hidden|d-none|w-condition-invisible)(?=\s|$)/i;

/**
 * Hidden by its class. Only in the strict pass: a script may reveal such a block, and when it
 * holds the article the strict pass reads next to nothing and the relaxed one, which trusts no
 * class, reads it.
 */
export function hasHiddenClass(element: Element): boolean {
  const names = element.attribs.class;
  if (names === undefined || !HIDDEN_CLASS.test(names) || SHOWN_FROM.test(names)) return false;
  return !isFoldedPanel(element);
}

/**
 * A display class for a screen size or state: Tailwind's `hidden lg:block` and Bootstrap's
 * `d-none d-md-block` hide a block on phones only, and a desktop reader sees it (theverge's lede
 * and the whole of some articles).
 */
const SHOWN_FROM =
  /(?:^|\s)(?:[\w-]+:(?:block|flex|grid|inline|inline-block|inline-flex|table|contents)|d-(?:sm|md|lg|xl|xxl)-(?:block|flex|grid|inline|inline-block|table))(?=\s|$)/i;

/** React's streamed Suspense content: `<div hidden id="S:0">`, which its script moves in place. */
const STREAMED_SEGMENT = /^S:\d+$/;

/**
 * A segment React streams after the page's shell (Next.js App Router): hidden only until a
 * script of the page puts it in place of its placeholder, and it often holds the whole article
 * (WCXB 4486 and 4503 read the shell's "Loading…" placeholders instead).
 */
export function isStreamedSegment(element: Element): boolean {
  return element.name === 'div' && STREAMED_SEGMENT.test(element.attribs.id ?? '');
}
