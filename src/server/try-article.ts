// The rule tester's pure parts (/try): the form read and bounded, a draft rules.yaml checked as `rules check` does, an article explained.
import { ARTICLE_LANGUAGE } from '../articles/language.ts';
import { matcherInputOf } from '../config/matcher-cache.ts';
import type { ConfigFileText, ConfigValues } from '../config/validate.ts';
import { parseDuration } from '../lib/duration.ts';
import { UserError } from '../lib/errors.ts';
import { listClauses, nameRegions, placesOf } from '../notify/explain.ts';
import { excerptsOf, type Snippet, snippetsOf } from '../notify/snippets.ts';
import { compileMatcher, type Matcher } from '../rules/compile.ts';
import { matchArticle } from '../rules/match.ts';
import type { RegionSpec, RuleSpec } from '../rules/types.ts';

/** What one try may hand in: bigger would hold the worker's event loop for long. */
export const TRY_LIMITS = { textBytes: 1_000_000, rulesBytes: 100_000, urlChars: 2_000 } as const;

/** The periods a backtest may cover (a longer one reads too many articles for a page). */
export const TRY_PERIODS = ['', '24h', '7d', '30d'] as const;

export interface TryForm {
  title: string;
  text: string;
  url: string;
  /** A draft rules.yaml; empty: the running rules. */
  rules: string;
  /** A backtest period of TRY_PERIODS; empty: no backtest. */
  since: string;
}

export type TryFormReading =
  | { ok: true; form: TryForm }
  | { ok: false; form: TryForm; error: string };

/** The form's fields as strings (a missing one is empty), or the first that is too big, in one line. */
export function readTryForm(body: Record<string, unknown>): TryFormReading {
  const field = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
  const form: TryForm = {
    title: field('title').trim(),
    text: field('text'),
    url: field('url').trim(),
    rules: field('rules'),
    since: field('since'),
  };
  const error = checkTryForm(form);
  return error === undefined ? { ok: true, form } : { ok: false, form, error };
}

function checkTryForm(form: TryForm): string | undefined {
  const textBytes = Buffer.byteLength(form.text) + Buffer.byteLength(form.title);
  if (textBytes > TRY_LIMITS.textBytes)
    return `text: ${formatBytes(textBytes)} is over the limit of ${formatBytes(TRY_LIMITS.textBytes)}`;
  const rulesBytes = Buffer.byteLength(form.rules);
  if (rulesBytes > TRY_LIMITS.rulesBytes)
    return `rules: ${formatBytes(rulesBytes)} is over the limit of ${formatBytes(TRY_LIMITS.rulesBytes)}`;
  if (form.url.length > TRY_LIMITS.urlChars)
    return `url: longer than ${TRY_LIMITS.urlChars} characters`;
  if (form.url !== '' && !/^https?:\/\//i.test(form.url))
    return `url: "${form.url.slice(0, 80)}" is not an http:// or https:// address`;
  if (!(TRY_PERIODS as readonly string[]).includes(form.since))
    return `since: expected one of ${TRY_PERIODS.filter(Boolean).join(', ')}`;
  if (form.url === '' && form.text.trim() === '' && form.title === '')
    return 'text: paste an article’s text or give its URL';
  return undefined;
}

/** The period's length in milliseconds, or undefined for no backtest. */
export function periodMs(since: string): number | undefined {
  return since === '' ? undefined : parseDuration(since);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${bytes} bytes`;
}

/** The rules the try runs: the draft's with their matcher, or why the draft is refused. */
export type DraftRules =
  | { ok: true; rules: RuleSpec[]; regions: RegionSpec[]; matcher: Matcher }
  | { ok: false; problems: string[] };

/**
 * The draft in place of rules.yaml among the config's other files, validated whole as `rules check`
 * validates a directory: its problems read `rules.yaml:line:col: path: message`. A problem in the
 * other files is listed too, since the draft cannot be checked without them.
 */
export async function checkDraftRules(
  files: readonly ConfigFileText[],
  draft: string,
): Promise<DraftRules> {
  const { validateConfig } = await import('../config/validate.ts');
  const others = files.filter((file) => !/(^|\/)rules\.yaml$/.test(file.name));
  const result = validateConfig([...others, { name: 'rules.yaml', text: draft }]);
  if (!result.ok) return { ok: false, problems: result.problems };
  return compileDraft(result.config);
}

function compileDraft(config: ConfigValues): DraftRules {
  try {
    // As matcherOf compiles the running config (config/matcher-cache.ts), not from its cache: a
    // draft is new text.
    const matcher = compileMatcher(matcherInputOf(config));
    return { ok: true, rules: config.rules, regions: config.regions, matcher };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, problems: [error.message] };
    throw error;
  }
}

export interface TriedRule {
  id: string;
  name: string;
  severity: string;
  score: number;
  minScore: number | undefined;
  /** The rule's terms that matched, as written in the rule. */
  terms: string[];
  /** The rule's clauses (each a list of terms): what it asks for, to read next to what matched. */
  clauses: string[][];
  regions: { id: string; name: string; focus: boolean }[];
  /** One excerpt per clause, then where its first region was named: the matched text marked. */
  excerpts: Snippet[];
}

export interface TriedRegion {
  id: string;
  name: string;
  count: number;
  /** The article is about it (rules/focus.ts). */
  focus: boolean;
  /** Where it was first named. */
  place: Snippet | undefined;
}

export interface TriedArticle {
  lang: string | null;
  /** Every region named, most named first. */
  regions: TriedRegion[];
  rules: TriedRule[];
}

const EXCERPTS = { max: 4, width: 160 };

/** What classify-article would find in the article, with each matching rule explained. */
export function explainArticle(
  matcher: Matcher,
  config: { rules: readonly RuleSpec[]; regions: readonly RegionSpec[] },
  article: { title: string; text: string; lang?: string | null | undefined },
): TriedArticle {
  const result = matchArticle(matcher, article, { detectLanguage: ARTICLE_LANGUAGE });
  const names = nameRegions(config.regions);
  const focus = new Set(result.focus);
  const specs = new Map(config.rules.map((rule) => [rule.id, rule]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const placeOf = (id: string) => placesOf(result.places, id, nameOf(id));
  return {
    lang: result.lang,
    regions: [...result.regions]
      .sort((a, b) => b.count - a.count)
      .map(({ id, count }) => ({
        id,
        name: nameOf(id),
        count,
        focus: focus.has(id),
        place: snippetsOf(article, placeOf(id), { max: 1, width: 100 })[0],
      })),
    rules: result.rules.map((rule) => {
      const spec = specs.get(rule.id);
      const ruleFocus = new Set(rule.focus);
      const clauses = spec ? listClauses(spec.match) : [];
      const first = rule.regions[0];
      const places = first === undefined ? undefined : placeOf(first);
      return {
        id: rule.id,
        name: spec?.name ?? rule.id,
        severity: spec?.severity ?? 'medium',
        score: rule.score,
        minScore: spec?.minScore,
        terms: rule.terms,
        clauses,
        regions: rule.regions.map((id) => ({ id, name: nameOf(id), focus: ruleFocus.has(id) })),
        excerpts: excerptsOf(article, { hits: rule.hits, clauses, places }, EXCERPTS),
      };
    }),
  };
}
