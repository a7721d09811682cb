// Matched terms in context: a short excerpt around each hit, cut at word boundaries, the term marked.
import type { TermHit } from '../rules/match.ts';

export interface Snippet {
  /** The matched term as written in the rule (`attentat*`). */
  term: string;
  before: string;
  /** The text the term matched (`attentats`). */
  match: string;
  after: string;
  /** True when text was cut before `before` / after `after`: show an ellipsis. */
  cutBefore: boolean;
  cutAfter: boolean;
}

export interface SnippetOptions {
  /** Characters of context around the matched text, both sides together (default 80). */
  width?: number;
  /** Most snippets per article (default 3). */
  max?: number;
}

/** Snippets for the hits of one article (segment 0 its title, 1 its text), skipping overlaps. */
export function snippetsOf(
  article: { title: string; text: string },
  hits: readonly TermHit[],
  options: SnippetOptions = {},
): Snippet[] {
  const half = Math.floor((options.width ?? 80) / 2);
  const snippets: Snippet[] = [];
  const covered: { segment: number; start: number; end: number }[] = [];
  for (const hit of [...hits].sort((a, b) => a.segment - b.segment || a.start - b.start)) {
    if (snippets.length >= (options.max ?? 3)) break;
    const source = hit.segment === 0 ? article.title : article.text;
    if (hit.start < 0 || hit.end > source.length || hit.start >= hit.end) continue;
    if (covered.some((c) => c.segment === hit.segment && hit.start < c.end && hit.end > c.start))
      continue;
    const from = Math.min(hit.start, wordStart(source, Math.max(0, hit.start - half)));
    const to = Math.max(hit.end, wordEnd(source, Math.min(source.length, hit.end + half)));
    covered.push({ segment: hit.segment, start: from, end: to });
    snippets.push({
      term: hit.term,
      before: squeeze(source.slice(from, hit.start), 'start'),
      match: squeeze(source.slice(hit.start, hit.end), 'both'),
      after: squeeze(source.slice(hit.end, to), 'end'),
      cutBefore: from > 0,
      cutAfter: to < source.length,
    });
  }
  return snippets;
}

/** Moves a cut forward to the start of the next word, unless it already stands at one. */
function wordStart(text: string, at: number): number {
  if (at === 0 || /\s/.test(text[at - 1] ?? ' ')) return at;
  const space = text.slice(at).search(/\s/);
  return space === -1 ? at : at + space + 1;
}

/** Moves a cut back to the end of the previous word, unless it already stands at one. */
function wordEnd(text: string, at: number): number {
  if (at >= text.length || /\s/.test(text[at] ?? ' ')) return at;
  const space = text.slice(0, at).search(/\s\S*$/);
  return space === -1 ? at : space;
}

/** Collapses runs of whitespace (line breaks of the article) into single spaces. */
function squeeze(text: string, trim: 'start' | 'end' | 'both'): string {
  const flat = text.replace(/\s+/g, ' ');
  if (trim === 'start') return flat.trimStart();
  if (trim === 'end') return flat.trimEnd();
  return flat.trim();
}
