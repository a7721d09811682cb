// /events: the stored events newest first, a filter form, excerpts with the matched terms marked.
import type { VigieConfig } from '../../config/load.ts';
import { countOf, formatTimeWithOffset, safeHref } from '../../notify/format.ts';
import type { RegionSpec } from '../../rules/types.ts';
import type { EventLabels } from '../../store/labels.ts';
import type { Account } from '../auth.tsx';
import type { EventQueryValues } from '../event-query.ts';
import type { EventListView, EventView } from '../event-view.ts';
import { LabelControls } from './label-form.tsx';
import { Layout } from './layout.tsx';
import { Excerpt } from './parts.tsx';

export interface EventsPageProps {
  config: Pick<VigieConfig, 'rules' | 'regions'>;
  values: EventQueryValues;
  timeZone: string;
  /** The list, or why the parameters were refused. */
  list?: EventListView | undefined;
  error?: { parameter: string; message: string } | undefined;
  /** Who is signed in (auth.tsx `accountOf`), for the header and the label buttons. */
  account?: Account | undefined;
  /** The listed events' relevance labels, by event id. */
  labels?: ReadonlyMap<number, EventLabels> | undefined;
  /** This page's path and query, where labelling comes back to. */
  back?: string | undefined;
}

export function EventsPage(props: EventsPageProps) {
  return (
    <Layout title="Events" account={props.account}>
      <h1>Events</h1>
      <FilterForm {...props} />
      {props.error ? (
        <p class="error" role="alert">
          {`${props.error.parameter}: ${props.error.message}`}
        </p>
      ) : null}
      {props.list ? <EventList {...props} list={props.list} /> : null}
    </Layout>
  );
}

function FilterForm(props: EventsPageProps) {
  const { values } = props;
  return (
    <form class="filters" method="get" action="/events" aria-label="Filter events">
      <label>
        Rule
        <select name="rule">
          <option value="">Any rule</option>
          {props.config.rules.map((rule) => (
            <option value={rule.id} selected={values.rule === rule.id}>
              {rule.name ?? rule.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        Region
        <select name="region">
          <option value="">Any region</option>
          {listRegionOptions(props.config.regions).map(({ id, label }) => (
            <option value={id} selected={values.region === id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Since
        <input name="since" value={values.since ?? ''} placeholder="2024-09-01 or 24h" size={16} />
      </label>
      <label>
        Until
        <input name="until" value={values.until ?? ''} placeholder="2024-09-02" size={16} />
      </label>
      <label>
        Words in title or text
        <input type="search" name="q" value={values.q ?? ''} size={24} />
      </label>
      {values.limit ? <input type="hidden" name="limit" value={values.limit} /> : null}
      <button type="submit">Filter</button>
      <p class="hint">{`Days and times are in ${props.timeZone}. Accents and case do not matter.`}</p>
    </form>
  );
}

/** Regions in config order, each under its parent, indented by depth for the select. */
function listRegionOptions(regions: readonly RegionSpec[], depth = 0): { id: string; label: string }[] {
  return regions.flatMap((region) => {
    const first = region.names[0];
    const name = typeof first === 'string' ? first : (first?.term ?? region.id);
    return [
      { id: region.id, label: `${'\u00a0\u00a0'.repeat(depth)}${name}` },
      ...listRegionOptions(region.children ?? [], depth + 1),
    ];
  });
}

function EventList(props: EventsPageProps & { list: EventListView }) {
  const { events, next } = props.list;
  if (events.length === 0) return <p>No event matches these filters.</p>;
  return (
    <>
      <ol class="events" aria-label="Events, newest first">
        {events.map((event) => (
          <li id={`event-${event.id}`}>
            <EventItem event={event} timeZone={props.timeZone} />
            <LabelControls
              eventId={event.id}
              labels={props.labels?.get(event.id)}
              account={props.account}
              back={props.back ?? '/events'}
            />
          </li>
        ))}
      </ol>
      {next ? (
        <nav class="pages" aria-label="Pages">
          <a href={`/events?${nextQuery(props.values, next)}`} rel="next">
            Next page
          </a>
        </nav>
      ) : null}
    </>
  );
}

/** The same filters, the next cursor. */
export function nextQuery(values: EventQueryValues, cursor: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (name !== 'cursor' && value !== undefined) params.set(name, value);
  }
  params.set('cursor', cursor);
  return params.toString();
}

function EventItem(props: { event: EventView; timeZone: string }) {
  const { event } = props;
  const href = safeHref(event.url);
  return (
    <article>
      <h2>{href ? <a href={href}>{event.title || event.url}</a> : event.title || event.url}</h2>
      <p class="meta">
        {event.source} ·{' '}
        <time datetime={event.publishedAt.toISOString()}>
          {formatTimeWithOffset(event.publishedAt, props.timeZone)}
        </time>
      </p>
      <p class="meta">
        {`Rule ${event.ruleName} `}
        {event.severity ? (
          <span class={`severity severity-${event.severity}`}>{event.severity}</span>
        ) : null}
        {` · score ${formatScore(event.score)}`}
      </p>
      {event.excerpts.length > 0 ? (
        <ul class="excerpts">
          {event.excerpts.map((excerpt) => (
            <li>
              <Excerpt excerpt={excerpt} />
            </li>
          ))}
        </ul>
      ) : null}
      <p class="meta">
        {event.regions.length > 0
          ? `Regions: ${event.regions.map((region) => region.name).join(', ')}`
          : 'No region'}
        {event.storyId !== null ? (
          <>
            {' · '}
            <a href={`/stories/${event.storyId}`}>{`Story ${event.storyId}`}</a>
            {`: ${countOf(event.copies, 'copy', 'copies')} from ${countOf(event.sources, 'source', 'sources')}`}
          </>
        ) : null}
      </p>
    </article>
  );
}

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}
