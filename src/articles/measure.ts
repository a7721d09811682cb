// Text lengths of a parsed page: per-node text and link-text sizes, and paragraph measures, without building strings.
import { type AnyNode, type Element, hasChildren, isTag } from 'domhandler';

export interface TextStats {
  chars: number;
  linkChars: number;
  /** An <h1>, <main> or itemprop=articleBody below the node (not the node itself). */
  holdsArticle: boolean;
}

/** Text and link-text lengths per node, measured once and kept up to date as boilerplate goes. */
export type TextMeasures = Map<AnyNode, TextStats>;

/**
 * The length and commas (`,`, `،`, `，`) of `textContent(root).replace(/\s+/g, ' ').trim()`,
 * counted without building it: non-space characters plus the space runs between them.
 */
export function measureParagraph(root: AnyNode): { length: number; commas: number } {
  let length = 0;
  let commas = 0;
  let started = false;
  let spaceBefore = false;
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') {
      const { data } = node;
      for (let index = 0; index < data.length; index += 1) {
        const code = data.charCodeAt(index);
        if (isSpace(code)) {
          spaceBefore = started;
          continue;
        }
        if (spaceBefore) length += 1;
        spaceBefore = false;
        started = true;
        length += 1;
        if (code === 0x2c || code === 0x60c || code === 0xff0c) commas += 1;
      }
    } else if (hasChildren(node)) {
      for (let index = node.children.length - 1; index >= 0; index -= 1) {
        stack.push(node.children[index] as AnyNode);
      }
    }
  }
  return { length, commas };
}

export function linkDensity(stats: TextMeasures, element: Element): number {
  const measured = stats.get(element);
  return measured && measured.chars > 0 ? measured.linkChars / measured.chars : 0;
}

/** Text and link-text lengths of every node, in one iterative post-order pass. */
export function measureText(root: AnyNode): TextMeasures {
  const stats: TextMeasures = new Map();
  const stack: Array<{ node: AnyNode; visited: boolean }> = [{ node: root, visited: false }];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry) break;
    const { node } = entry;
    if (node.type === 'text') {
      stats.set(node, {
        chars: collapsedLength(node.data),
        linkChars: 0,
        holdsArticle: false,
      });
    } else if (!('children' in node)) {
      stats.set(node, { chars: 0, linkChars: 0, holdsArticle: false });
    } else if (!entry.visited) {
      stack.push({ node, visited: true });
      for (const child of node.children) stack.push({ node: child, visited: false });
    } else {
      let chars = 0;
      let linkChars = 0;
      let holdsArticle = false;
      for (const child of node.children) {
        const measured = stats.get(child);
        chars += measured?.chars ?? 0;
        linkChars += measured?.linkChars ?? 0;
        holdsArticle ||= !!measured?.holdsArticle || (isTag(child) && marksArticle(child));
      }
      const isLink = 'name' in node && node.name === 'a';
      stats.set(node, { chars, linkChars: isLink ? chars : linkChars, holdsArticle });
    }
  }
  return stats;
}

/** The length of `text.replace(/\s+/g, ' ')`, without building that string for every text node. */
function collapsedLength(text: string): number {
  let length = 0;
  let afterSpace = false;
  for (let index = 0; index < text.length; index += 1) {
    const space = isSpace(text.charCodeAt(index));
    if (!space || !afterSpace) length += 1;
    afterSpace = space;
  }
  return length;
}

/** What `\s` matches in a JavaScript regular expression. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `h1, main, [itemprop="articleBody"]` */
function marksArticle(element: Element): boolean {
  return (
    element.name === 'h1' || element.name === 'main' || element.attribs.itemprop === 'articleBody'
  );
}

/** Takes a node about to be removed out of its ancestors' lengths, as measuring again would. */
export function forgetText(stats: TextMeasures, removed: AnyNode): void {
  const gone = stats.get(removed);
  if (!gone) return;
  let linkGone = gone.linkChars;
  for (let node = removed.parent; node; node = node.parent) {
    const measured = stats.get(node);
    if (!measured) break;
    const linkBefore = measured.linkChars;
    measured.chars -= gone.chars;
    measured.linkChars =
      'name' in node && node.name === 'a' ? measured.chars : linkBefore - linkGone;
    linkGone = linkBefore - measured.linkChars;
  }
}
