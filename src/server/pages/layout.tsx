// The workspace's page frame: language, title, one inline style sheet that the CSP names by hash.
import { createHash } from 'node:crypto';
import type { Child } from 'hono/jsx';
import { type Account, currentAccount } from '../auth.tsx';
import { AccountNav } from './account-nav.tsx';

// Written to need no escaping: the CSP allows exactly this text, by its hash.
const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 0 1rem 2rem; color: #1a1a1a; }
header { display: flex; gap: 1.5rem; align-items: baseline; border-bottom: 1px solid #ccc; }
header a { color: inherit; }
form.filters { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: end; margin: 1rem 0; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; gap: .2rem; }
form.filters input, form.filters select, form.filters button { font: inherit; padding: .25rem .4rem; }
.hint { color: #555; font-size: .8rem; }
.error { border: 2px solid #b00020; background: #fdecee; padding: .5rem .75rem; }
ol.events { list-style: none; padding: 0; }
ol.events li { border-top: 1px solid #ddd; padding: .75rem 0; }
ol.events h2 { font-size: 1.05rem; margin: 0 0 .25rem; }
.meta { color: #444; font-size: .85rem; margin: .15rem 0; }
.severity { font-weight: 600; text-transform: uppercase; font-size: .75rem; padding: 0 .3rem; border: 1px solid; border-radius: 3px; }
.severity-critical, .severity-high { color: #8b0000; }
.severity-medium { color: #7a4a00; }
ul.excerpts { margin: .35rem 0; padding-left: 1.2rem; }
mark { background: #ffe27a; color: inherit; }
table.grid { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0 1rem; }
table.grid th, table.grid td { border-bottom: 1px solid #ddd; padding: .3rem .4rem; text-align: left; vertical-align: top; }
table.grid td.n { text-align: right; font-variant-numeric: tabular-nums; }
.state-failed { color: #8b0000; font-weight: 600; }
.state-pending, .state-sending { color: #7a4a00; }
pre.rule { background: #f5f5f5; padding: .5rem .75rem; overflow-x: auto; }
svg.perday rect { fill: #3b6ea5; }
nav.pages { margin-top: 1rem; }
.account, form.label { display: inline; margin: 0; }
.account { margin-left: auto; }
form.label button { font: inherit; font-size: .8rem; padding: 0 .4rem; }
form.label button[aria-pressed="true"] { font-weight: 600; background: #dfe9f7; }
`;

export const STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

/** No script, nothing from elsewhere, forms only to this server, no framing. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `account` (auth.tsx `accountOf(c)`): who is signed in, shown with sign in / sign out. */
export function Layout(props: { title: string; children: Child; account?: Account | undefined }) {
  const account = props.account ?? currentAccount();
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · vigie`}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <header>
          <p>
            <strong>vigie</strong>
          </p>
          <nav aria-label="Sections">
            <a href="/events">Events</a> · <a href="/alerts">Alerts</a> · <a href="/rules">Rules</a> ·{' '}
            <a href="/feeds">Feeds</a> · <a href="/try">Try a rule</a> · <a href="/queues">Queues</a>
          </nav>
          {account ? <AccountNav account={account} /> : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
