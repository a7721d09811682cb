// Feed health: each fetch's outcome kept as history, the health state operators were told of, notices and their deliveries.
import { type Kysely, sql } from 'kysely';

const STATEMENTS = [
  // `health` is the state last told to the operators: a fetch that finds another one changes it
  // with a compare-and-set, so that one notice is made per change however many workers fetch.
  `alter table feeds add column health text not null default 'ok'
    check (health in ('ok', 'failing', 'disabled', 'silent'))`,
  'alter table feeds add column health_changed_at timestamptz',
  // Start of the current run of failures (null while the feed succeeds): "failing for longer than".
  'alter table feeds add column failing_since timestamptz',
  // `vigie feeds retry`: permanent failures before it no longer count towards disabling.
  'alter table feeds add column retried_at timestamptz',

  `create table feed_fetches (
    id bigserial primary key,
    feed_id text not null,
    url text not null,
    at timestamptz not null,
    outcome text not null check (outcome in ('ok', 'not-modified', 'transient', 'permanent')),
    status integer,
    items integer not null default 0,
    new_items integer not null default 0,
    error text,
    duration_ms integer not null default 0
  )`,
  'create index feed_fetches_feed_at on feed_fetches (feed_id, at)',
  'create index feed_fetches_at on feed_fetches (at)',
  // Items per day and the usual cadence are counted from the articles each feed brought.
  'create index article_sources_feed_seen on article_sources (feed_id, first_seen_at)',

  `create table feed_notices (
    id bigserial primary key,
    feed_id text not null,
    state text not null check (state in ('failing', 'disabled', 'silent', 'recovered')),
    previous text not null,
    reason text,
    created_at timestamptz not null
  )`,
  'create index feed_notices_created_at on feed_notices (created_at)',

  'alter table deliveries add column notice_id bigint references feed_notices (id) on delete cascade',
  'alter table deliveries drop constraint if exists deliveries_check',
  `alter table deliveries add constraint deliveries_one_target
    check (num_nonnulls(alert_id, digest_run_id, notice_id) = 1)`,
  'alter table deliveries add constraint deliveries_notice_channel unique (notice_id, channel)',
  // Retention deletes old rows by date, in batches.
  'create index deliveries_created_at on deliveries (created_at)',
  'create index alerts_created_at on alerts (created_at)',
  'create index digests_created_at on digests (created_at)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) {
    await sql.raw(statement).execute(db);
  }
}
