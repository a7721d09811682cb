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
  /** Set on the excerpt that shows where the alert's region was named. */
  place?: boolean;
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

/** What an alert shows of one article: its hits, grouped by the rule's clauses, and where a region was named. */
export interface ExcerptInput {
  hits: readonly TermHit[];
  /**
   * The rule's clauses (its `all` items), each as the terms it holds, as written: one excerpt per
   * clause, so the reader sees who and what. Empty: the hits as they come, up to `max`.
   */
  clauses: readonly (readonly string[])[];
  /** Where the counted region was named (`term` is the region's name): one excerpt, if new. */
  places?: readonly TermHit[] | undefined;
}

/**
 * One excerpt per clause, then one for the place: each from a sentence no other excerpt shows
 * (the first hit of the clause in a new sentence wins), cut to `width` within its sentence. A
 * clause whose every hit stands in a sentence shown already gets none: that sentence shows it.
 */
export function excerptsOf(
  article: { title: string; text: string },
  input: ExcerptInput,
  options: SnippetOptions = {},
): Snippet[] {
  const half = Math.floor((options.width ?? 160) / 2);
  const used = new Set<string>();
  const excerpts: Snippet[] = [];
  const pick = (hits: readonly TermHit[], place = false) => {
    for (const hit of [...hits].sort((a, b) => a.segment - b.segment || a.start - b.start)) {
      const source = hit.segment === 0 ? article.title : article.text;
      if (hit.start < 0 || hit.end > source.length || hit.start >= hit.end) continue;
      const sentence = sentenceAround(source, hit.start, hit.end);
      const key = `${hit.segment}:${sentence.start}`;
      if (used.has(key)) continue;
      used.add(key);
      excerpts.push({ ...cutExcerpt(source, hit, sentence, half), ...(place ? { place } : {}) });
      return true;
    }
    return false;
  };
  if (input.clauses.length === 0) {
    for (const hit of input.hits) if (excerpts.length < (options.max ?? 3)) pick([hit]);
  }
  for (const clause of input.clauses) pick(input.hits.filter((hit) => clause.includes(hit.term)));
  // The first place only: named in a sentence already shown, it is seen there (see `describePlace`).
  const first = [...(input.places ?? [])].sort(
    (a, b) => a.segment - b.segment || a.start - b.start,
  )[0];
  if (first) pick([first], true);
  return excerpts;
}

// A sentence ends at . ! ? or … (a closing quote or bracket may follow) before white space, or at
// a line break: abbreviations cut a sentence short now and then, which only shortens an excerpt.
const SENTENCE_END = /[.!?…]["»”’)\]]*\s|\n/g;

/** The bounds of the sentence holding `[start, end)`. */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = 0;
  let to = text.length;
  SENTENCE_END.lastIndex = 0;
  for (let found = SENTENCE_END.exec(text); found; found = SENTENCE_END.exec(text)) {
    const stop = found.index + found[0].length;
    if (stop <= start) from = stop;
    else if (found.index >= end) {
      to = found.index + found[0].trimEnd().length;
      break;
    }
  }
  return { start: from, end: to };
}

function cutExcerpt(
  source: string,
  hit: TermHit,
  sentence: { start: number; end: number },
  half: number,
): Snippet {
  const from = Math.max(sentence.start, wordStart(source, Math.max(0, hit.start - half)));
  const to = Math.min(sentence.end, wordEnd(source, Math.min(source.length, hit.end + half)));
  return {
    term: hit.term,
    before: squeeze(source.slice(Math.min(from, hit.start), hit.start), 'start'),
    match: squeeze(source.slice(hit.start, hit.end), 'both'),
    after: squeeze(source.slice(hit.end, Math.max(to, hit.end)), 'end'),
    cutBefore: from > sentence.start,
    cutAfter: to < sentence.end,
  };
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
