// The first schema: feeds, stories, articles and their sources, events, alerts, digests, deliveries.
import { type Kysely, sql } from 'kysely';

// Plain DDL rather than the schema builder: a reader (or a DBA) sees the exact tables.
const STATEMENTS = [
  `create table feeds (
    id text primary key,
    url text not null,
    in_config boolean not null default true,
    etag text,
    last_modified text,
    last_fetched_at timestamptz,
    next_fetch_at timestamptz,
    consecutive_failures integer not null default 0,
    last_error text,
    last_error_at timestamptz,
    disabled_reason text,
    ttl_seconds integer,
    max_age_seconds integer,
    retry_after timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create index feeds_due on feeds (next_fetch_at nulls first)
    where in_config and disabled_reason is null`,

  `create table stories (
    id bigserial primary key,
    signature text not null,
    title text not null,
    first_seen_at timestamptz not null,
    last_seen_at timestamptz not null
  )`,
  'create index stories_last_seen_at on stories (last_seen_at)',

  `create table articles (
    id bigserial primary key,
    url_key text not null unique,
    url text not null,
    canonical_url text,
    title text not null default '',
    text text not null default '',
    published_at timestamptz,
    fetched_at timestamptz,
    lang text,
    byline text,
    feed_id text,
    story_id bigint references stories (id) on delete set null,
    content_hash text,
    fetch_status text not null default 'pending'
      check (fetch_status in ('pending', 'fetched', 'feed-only', 'failed')),
    fetch_error text,
    created_at timestamptz not null
  )`,
  'create index articles_created_at on articles (created_at)',
  'create index articles_content_hash on articles (content_hash)',
  'create index articles_story_id on articles (story_id)',

  `create table article_sources (
    article_id bigint not null references articles (id) on delete cascade,
    feed_id text not null,
    first_seen_at timestamptz not null,
    primary key (article_id, feed_id)
  )`,

  `create table events (
    id bigserial primary key,
    article_id bigint not null references articles (id) on delete cascade,
    rule_id text not null,
    score real not null,
    terms jsonb not null default '[]',
    regions text[] not null default '{}',
    matched_at timestamptz not null,
    unique (article_id, rule_id)
  )`,
  'create index events_rule_matched_at on events (rule_id, matched_at)',
  'create index events_matched_at on events (matched_at)',
  'create index events_regions on events using gin (regions)',

  // window_end is the matched_at of the event that crossed the threshold, so two workers
  // evaluating the same event compute the same key and only one alert row exists.
  `create table alerts (
    id bigserial primary key,
    rule_id text not null,
    region_id text not null default '',
    window_start timestamptz not null,
    window_end timestamptz not null,
    story_count integer not null,
    new_since_last integer not null default 0,
    triggered_by jsonb not null default '[]',
    created_at timestamptz not null,
    unique (rule_id, region_id, window_end)
  )`,
  'create index alerts_rule_region_created on alerts (rule_id, region_id, created_at)',

  `create table digests (
    id bigserial primary key,
    digest_id text not null,
    period_start timestamptz not null,
    period_end timestamptz not null,
    event_count integer not null default 0,
    created_at timestamptz not null,
    unique (digest_id, period_end)
  )`,

  `create table digest_watermarks (
    digest_id text primary key,
    last_period_end timestamptz not null,
    updated_at timestamptz not null
  )`,

  // A delivery belongs to exactly one alert or one digest run; one per channel.
  `create table deliveries (
    id bigserial primary key,
    alert_id bigint references alerts (id) on delete cascade,
    digest_run_id bigint references digests (id) on delete cascade,
    channel text not null,
    state text not null default 'pending'
      check (state in ('pending', 'sending', 'sent', 'failed')),
    attempts integer not null default 0,
    last_error text,
    claimed_at timestamptz,
    sent_at timestamptz,
    created_at timestamptz not null,
    check ((alert_id is null) <> (digest_run_id is null)),
    unique (alert_id, channel),
    unique (digest_run_id, channel)
  )`,
  "create index deliveries_state on deliveries (state) where state <> 'sent'",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) {
    await sql.raw(statement).execute(db);
  }
}
