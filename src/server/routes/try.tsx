// /try, the rule tester (issue 15 part 3): GET the form, POST an article (text or URL) and draft rules; nothing is saved.
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import { stringify } from 'yaml';
import { cacheKey } from '../../config/cache.ts';
import { readConfigFiles } from '../../config/load.ts';
import type { Deps } from '../../deps.ts';
import { singleLine } from '../../notify/format.ts';
import { accountOf, currentUser } from '../auth.tsx';
import { analystTimeZone } from '../event-query.ts';
import { TryPage, type TryPageProps, type TryResult } from '../pages/try.tsx';
import {
  checkDraftRules,
  type DraftRules,
  explainArticle,
  periodMs,
  readTryForm,
  TRY_LIMITS,
  type TryForm,
} from '../try-article.ts';
import { backtestTried } from '../try-backtest.ts';
import { addLabelBacktest } from '../try-labels.ts';

export type TryDeps = Pick<Deps, 'config' | 'matcher' | 'store' | 'clock' | 'log' | 'http'>;

export interface TryRouteOptions {
  /** Whether this request may have vigie fetch a URL; default: a signed-in user's only (part 7). */
  mayFetchUrl?: ((c: Context) => boolean) | undefined;
  /** Articles a backtest reads at most, so that the page answers (default 5,000). */
  maxBacktestArticles?: number | undefined;
}

const EMPTY_FORM: TryForm = { title: '', text: '', url: '', rules: '', since: '' };
/** The form's fields together, with room for their encoding: beyond it, 413 before reading more. */
const BODY_LIMIT = 4 * (TRY_LIMITS.textBytes + TRY_LIMITS.rulesBytes);

export function registerTryRoutes(app: Hono, deps: TryDeps, options: TryRouteOptions = {}): void {
  const lastDraft: DraftMemo = {};
  const render = (
    c: Context,
    props: Omit<TryPageProps, 'timeZone' | 'account'>,
    status: 200 | 400 = 200,
  ) => {
    const timeZone = analystTimeZone(deps.config.notify);
    const page = <TryPage {...props} timeZone={timeZone} account={accountOf(c)} />;
    return c.html(html`<!DOCTYPE html>${page}`, status);
  };

  // `?rule=ID`: the draft starts as that rule, to try a change of it.
  app.get('/try', (c) => {
    const id = c.req.query('rule');
    const rule = deps.config.rules.find((candidate) => candidate.id === id);
    const rules = rule ? stringify({ rules: [rule] }) : '';
    return render(c, { form: { ...EMPTY_FORM, rules } });
  });

  app.post(
    '/try',
    bodyLimit({
      maxSize: BODY_LIMIT,
      // The rest of the body is never read: the connection closes rather than serving another request.
      onError: (c) =>
        c.text(`try: the form is over ${BODY_LIMIT / 1_000_000} MB\n`, 413, { connection: 'close' }),
    }),
    async (c) => {
      const reading = readTryForm(await c.req.parseBody());
      if (!reading.ok) return render(c, { form: reading.form, error: reading.error }, 400);
      const { form } = reading;
      // Fetching goes out to the network on the visitor's word: a signed-in user's only.
      const mayFetch = options.mayFetchUrl?.(c) ?? currentUser(c) !== undefined;
      const article = await readArticle(deps, form, mayFetch);
      if ('error' in article) return render(c, { form, error: article.error }, 400);
      const rules = await chooseRules(deps, form.rules, lastDraft);
      if ('problems' in rules) return render(c, { form, problems: rules.problems }, 400);
      const tried = explainArticle(rules.matcher, rules, article);
      const result: TryResult = { ...article, rules: rules.kind, tried };
      const ms = periodMs(form.since);
      const backtest =
        ms === undefined
          ? undefined
          : await addLabelBacktest(
              deps.store.db,
              await backtestTried(deps.store.db, rules.rules, rules.matcher, {
                since: new Date(deps.clock.now().getTime() - ms),
                maxArticles: options.maxBacktestArticles ?? 5_000,
              }),
            );
      return render(c, { form, result, backtest });
    },
  );
}

type ReadArticle = { title: string; text: string; url?: string } | { error: string };

/** The pasted text, or the page at the URL read as fetch-article reads it. */
async function readArticle(
  deps: TryDeps,
  form: TryForm,
  mayFetch: boolean,
): Promise<ReadArticle> {
  if (form.url === '') return { title: form.title, text: form.text };
  if (!mayFetch) return { error: 'url: fetching a page needs a signed-in user: sign in first' };
  try {
    const page = await deps.http.fetch(form.url, { accept: 'text/html,application/xhtml+xml' });
    // cheerio only when a page is read.
    const { extractArticle } = await import('../../articles/extract.ts');
    const extracted = extractArticle(page.body, {
      url: page.url,
      contentType: page.headers['content-type'],
    });
    return { title: extracted.title, text: extracted.text, url: page.url };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: `url: ${singleLine(message)}` };
  }
}

type ChosenRules =
  | (Pick<TryDeps['config'], 'rules' | 'regions'> & {
      matcher: TryDeps['matcher'];
      kind: 'draft' | 'running';
    })
  | { problems: string[] };

/** The draft, checked against the config's other files as they are on disk; else the running rules. */
async function chooseRules(
  deps: TryDeps,
  draft: string,
  last: DraftMemo,
): Promise<ChosenRules> {
  if (draft.trim() === '') {
    const { rules, regions } = deps.config;
    return { rules, regions, matcher: deps.matcher, kind: 'running' };
  }
  const files = await readConfigFiles(deps.config.dir).catch((error: unknown) => error as Error);
  if (files instanceof Error) return { problems: [singleLine(files.message)] };
  const key = cacheKey([draft, ...files.flatMap((file) => [file.name, file.text])]);
  const checked = last.key === key && last.value ? last.value : await checkDraftRules(files, draft);
  Object.assign(last, { key, value: checked });
  if (!checked.ok) return { problems: checked.problems };
  return { ...checked, kind: 'draft' };
}

/**
 * The last draft checked and compiled, with the texts it was checked against: an analyst tries
 * one draft on article after article, and compiling it with the gazetteer takes most of a second.
 */
interface DraftMemo {
  key?: string | undefined;
  value?: DraftRules | undefined;
}
