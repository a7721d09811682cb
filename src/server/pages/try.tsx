// /try, the rule tester: the form, then the article as vigie reads it, the rules that match it explained, and a backtest.
import { countOf, formatTimeWithOffset, safeHref } from '../../notify/format.ts';
import type { Account } from '../auth.tsx';
import type { TriedArticle, TriedRule, TryForm } from '../try-article.ts';
import { TRY_PERIODS } from '../try-article.ts';
import type { TryBacktest } from '../try-backtest.ts';
import { describeLabelBacktest } from '../label-stats.ts';
import { Layout } from './layout.tsx';
import { Excerpt } from './parts.tsx';

export interface TryPageProps {
  form: TryForm;
  timeZone: string;
  /** The visitor (auth.tsx `accountOf`): the form's CSRF token, and whether a URL may be fetched. */
  account: Account;
  /** Why the form was refused, in one line. */
  error?: string | undefined;
  /** The draft's problems, `rules.yaml:line:col: path: message`. */
  problems?: string[] | undefined;
  /** What was tried: the article as read, and with which rules. */
  result?: TryResult | undefined;
  backtest?: TryBacktest | undefined;
}

export interface TryResult {
  title: string;
  text: string;
  /** Where the text came from, when a URL was fetched. */
  url?: string | undefined;
  /** `draft` for the pasted rules, `running` for the config's. */
  rules: 'draft' | 'running';
  tried: TriedArticle;
}

const DRAFT_EXAMPLE = `rules:
  - id: my-draft
    match:
      any: ["attentat*", kamikaze]
    regions: [iraq]`;

const PERIOD_LABELS: Record<string, string> = {
  '': 'No backtest',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

export function TryPage(props: TryPageProps) {
  return (
    <Layout title="Try a rule" account={props.account}>
      <h1>Try a rule</h1>
      <p>
        Paste an article or give its address, and see what vigie reads in it and which rules match.
        Paste draft rules to try them here first. Nothing is saved.
      </p>
      <TryFormView form={props.form} account={props.account} />
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.problems ? <DraftProblems problems={props.problems} /> : null}
      {props.result ? <ResultView result={props.result} /> : null}
      {props.backtest ? <BacktestView backtest={props.backtest} timeZone={props.timeZone} /> : null}
    </Layout>
  );
}

function TryFormView(props: { form: TryForm; account: Account }) {
  const { form, account } = props;
  return (
    <form class="filters" method="post" action="/try" aria-label="Try an article">
      <input type="hidden" name="csrf" value={account.csrf} />
      <label>
        Title
        <input name="title" value={form.title} size={60} />
      </label>
      <label>
        Text
        <textarea name="text" rows={10} cols={80}>
          {form.text}
        </textarea>
      </label>
      <label>
        Or the article’s address
        <input type="url" name="url" value={form.url} size={60} placeholder="https://" />
        <span class="hint">
          {account.user === undefined
            ? 'Fetched as the workers fetch pages, for a signed-in user: sign in first.'
            : 'Fetched as the workers fetch pages.'}
        </span>
      </label>
      <label>
        Draft rules (rules.yaml), optional
        <textarea name="rules" rows={8} cols={80} placeholder={DRAFT_EXAMPLE}>
          {form.rules}
        </textarea>
        <span class="hint">Empty: the running rules.</span>
      </label>
      <label>
        Backtest on stored articles
        <select name="since">
          {TRY_PERIODS.map((period) => (
            <option value={period} selected={form.since === period}>
              {PERIOD_LABELS[period] ?? period}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Try</button>
    </form>
  );
}

function DraftProblems(props: { problems: string[] }) {
  return (
    <section class="error" role="alert" aria-labelledby="draft-problems">
      <h2 id="draft-problems">
        {`The draft rules have ${countOf(props.problems.length, 'problem', 'problems')}`}
      </h2>
      <ul>
        {props.problems.map((problem) => (
          <li>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ResultView(props: { result: TryResult }) {
  const { result } = props;
  const { tried } = result;
  const href = result.url ? safeHref(result.url) : undefined;
  return (
    <section aria-labelledby="tried-article">
      <h2 id="tried-article">{result.title || 'Untitled article'}</h2>
      {href ? (
        <p class="meta">
          <a href={href}>{result.url}</a>
        </p>
      ) : null}
      <p class="meta">{`Language: ${tried.lang ?? 'not recognised'}`}</p>
      <details>
        <summary>{`Text as vigie reads it (${result.text.length} characters)`}</summary>
        {result.text.split(/\n{2,}/).map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </details>
      <h3>Regions named</h3>
      {tried.regions.length === 0 ? (
        <p>No region is named.</p>
      ) : (
        <ul>
          {tried.regions.map((region) => (
            <li>
              {`${region.name} (${region.id}): named ${countOf(region.count, 'time', 'times')}`}
              {region.focus ? ', what the article is about' : ''}
              {region.place ? (
                <>
                  {': '}
                  <Excerpt excerpt={region.place} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{result.rules === 'draft' ? 'Draft rules that match' : 'Running rules that match'}</h3>
      {tried.rules.length === 0 ? (
        <p>No rule matches this article.</p>
      ) : (
        <ol class="events">
          {tried.rules.map((rule) => (
            <li>
              <RuleView rule={rule} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function RuleView(props: { rule: TriedRule }) {
  const { rule } = props;
  const minimum = rule.minScore === undefined ? '' : ` (at least ${rule.minScore} needed)`;
  return (
    <article>
      <h4>
        {`${rule.name} `}
        <span class={`severity severity-${rule.severity}`}>{rule.severity}</span>
      </h4>
      <p class="meta">{`Rule ${rule.id}, score ${rule.score}${minimum}`}</p>
      <p>
        {'Matched: '}
        {rule.terms.map((term, i) => (
          <>
            {i > 0 ? ', ' : ''}
            <mark>{term}</mark>
          </>
        ))}
      </p>
      {rule.excerpts.length > 0 ? (
        <ul class="excerpts">
          {rule.excerpts.map((excerpt) => (
            <li>
              <Excerpt excerpt={excerpt} />
            </li>
          ))}
        </ul>
      ) : null}
      {rule.clauses.length > 0 ? (
        <p class="meta">
          {`It asks for ${rule.clauses.map((terms) => `one of ${terms.join(', ')}`).join('; and ')}.`}
        </p>
      ) : null}
      {rule.regions.length > 0 ? (
        <p class="meta">
          {`Regions: ${rule.regions
            .map((region) => `${region.name}${region.focus ? ' (about)' : ''}`)
            .join(', ')}`}
        </p>
      ) : null}
    </article>
  );
}

function BacktestView(props: { backtest: TryBacktest; timeZone: string }) {
  const { backtest, timeZone } = props;
  return (
    <section aria-labelledby="backtest">
      <h2 id="backtest">Backtest</h2>
      <p>
        {`Stored articles since ${formatTimeWithOffset(backtest.since, timeZone)}: ${countOf(backtest.articles, 'article', 'articles')} read`}
        {backtest.truncated ? ' (stopped there: choose a shorter period for the rest)' : ''}.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Articles</th>
            <th scope="col">Stories</th>
            <th scope="col">Alerts it would send</th>
            <th scope="col">Against the labels</th>
          </tr>
        </thead>
        <tbody>
          {backtest.rules.map((rule) => (
            <tr>
              <th scope="row">{rule.id}</th>
              <td>{rule.articles}</td>
              <td>{rule.stories}</td>
              <td>{rule.alerts.length}</td>
              <td>{describeLabelBacktest(rule.labels)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {backtest.rules
        .filter((rule) => rule.samples.length > 0)
        .map((rule) => (
          <>
            <h3>{`Latest articles ${rule.id} matches`}</h3>
            <ul>
              {rule.samples.map((sample) => {
                const href = safeHref(sample.url);
                return (
                  <li>
                    {href ? <a href={href}>{sample.title || sample.url}</a> : sample.title}
                    {' · '}
                    <time datetime={sample.at.toISOString()}>
                      {formatTimeWithOffset(sample.at, timeZone)}
                    </time>
                  </li>
                );
              })}
            </ul>
          </>
        ))}
    </section>
  );
}
