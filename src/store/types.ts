// The database's tables as Kysely sees them (snake_case, as in the migrations) and the shared store types.
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { ExtractionOutcome } from '../articles/outcome.ts';

/** A timestamptz column: read as a Date, written as a Date. */
type Timestamp = ColumnType<Date, Date, Date>;
/** A bigserial primary key (int8 is parsed to a JS number by the pool; ids stay below 2^53). */
type Id = Generated<number>;

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

export const FETCH_STATUSES = ['pending', 'fetched', 'feed-only', 'failed'] as const;
export type FetchStatus = (typeof FETCH_STATUSES)[number];

export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One matched term occurrence as stored in `events.terms`: segment 0 is the title, 1 the body. */
export interface EventTerm {
  term: string;
  segment: number;
  start: number;
  end: number;
}

export interface FeedsTable {
  id: string;
  url: string;
  in_config: Generated<boolean>;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: Timestamp | null;
  next_fetch_at: Timestamp | null;
  consecutive_failures: Generated<number>;
  last_error: string | null;
  last_error_at: Timestamp | null;
  disabled_reason: string | null;
  /** The feed's own refresh hint (RSS <ttl>, sy:updatePeriod), in seconds. */
  ttl_seconds: number | null;
  /** HTTP Cache-Control max-age of the last response, in seconds. */
  max_age_seconds: number | null;
  /** HTTP Retry-After of the last 429/503, as an absolute time. */
  retry_after: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The health state last told to the operators (0008). */
  health: Generated<FeedHealthState>;
  health_changed_at: Timestamp | null;
  /** When the current run of failures began; null while the feed succeeds. */
  failing_since: Timestamp | null;
  /** `vigie feeds retry`: permanent failures before it no longer count. */
  retried_at: Timestamp | null;
}

export const FEED_HEALTH_STATES = ['ok', 'failing', 'disabled', 'silent'] as const;
export type FeedHealthState = (typeof FEED_HEALTH_STATES)[number];

export const FETCH_OUTCOMES = ['ok', 'not-modified', 'transient', 'permanent'] as const;
export type FetchOutcome = (typeof FETCH_OUTCOMES)[number];

export interface FeedFetchesTable {
  id: Id;
  feed_id: string;
  url: string;
  at: Timestamp;
  outcome: FetchOutcome;
  status: number | null;
  items: Generated<number>;
  new_items: Generated<number>;
  error: string | null;
  duration_ms: Generated<number>;
}

export type FeedNoticeState = Exclude<FeedHealthState, 'ok'> | 'recovered';

export interface FeedNoticesTable {
  id: Id;
  feed_id: string;
  state: FeedNoticeState;
  previous: FeedHealthState;
  reason: string | null;
  created_at: Timestamp;
}

export interface StoriesTable {
  id: Id;
  /** 64-bit simhash as 16 hex digits (text, because int8 is read as a JS number). */
  signature: string;
  title: string;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  /** `bandPairKeys`: the 28 byte pairs of the signature, tagged with last_seen_at's day (GIN). */
  band_pairs: Generated<number[]>;
  /** `titleWordKeys`: the title's content words as `day:word`, day of last_seen_at (GIN). */
  title_words: Generated<string[]>;
}

export interface ArticlesTable {
  id: Id;
  url_key: string;
  url: string;
  canonical_url: string | null;
  title: string;
  text: string;
  published_at: Timestamp | null;
  fetched_at: Timestamp | null;
  lang: string | null;
  byline: string | null;
  feed_id: string | null;
  story_id: number | null;
  content_hash: string | null;
  fetch_status: FetchStatus;
  fetch_error: string | null;
  created_at: Timestamp;
  /** How the text was obtained; null while pending and for articles stored before 0004. */
  extraction: ExtractionOutcome | null;
  /** fallback.ts's ExtractionMethod of the page read; null when no page was read. */
  extraction_method: string | null;
  /** Characters (code points) of `text` when the outcome was recorded. */
  text_length: number | null;
  /** Set by classify-article with its events; null until then (the sweeper's mark). */
  classified_at: Generated<Date | null>;
}

export interface ArticleSourcesTable {
  article_id: number;
  feed_id: string;
  first_seen_at: Timestamp;
}

export interface EventsTable {
  id: Id;
  article_id: number;
  rule_id: string;
  score: number;
  terms: ColumnType<EventTerm[], string, string>;
  regions: string[];
  /** Of `regions`, those the article is about (rules/focus.ts). */
  focus_regions: Generated<string[]>;
  matched_at: Timestamp;
}

export interface AlertsTable {
  id: Id;
  rule_id: string;
  /** '' when the rule counts per rule rather than per region. */
  region_id: Generated<string>;
  window_start: Timestamp;
  window_end: Timestamp;
  story_count: number;
  new_since_last: Generated<number>;
  triggered_by: ColumnType<JsonValue, string, string>;
  created_at: Timestamp;
}

export interface DigestsTable {
  id: Id;
  /** The digest's id in notify.yaml; a row is one run of it. */
  digest_id: string;
  period_start: Timestamp;
  period_end: Timestamp;
  event_count: Generated<number>;
  created_at: Timestamp;
  /** The previous run's `last_event_id`: later ids matched before this period are late arrivals it shows. */
  first_event_id: number | null;
  /** The highest `events.id` visible when the run was built: the run shows no event above it. */
  last_event_id: number | null;
}

export interface DigestWatermarksTable {
  digest_id: string;
  last_period_end: Timestamp;
  updated_at: Timestamp;
}

export interface DeliveriesTable {
  id: Id;
  alert_id: number | null;
  /** `digests.id` (one run of a digest), not the configured digest id. */
  digest_run_id: number | null;
  /** A feed health notice to the operators (0008). */
  notice_id: Generated<number | null>;
  channel: string;
  state: Generated<DeliveryState>;
  attempts: Generated<number>;
  last_error: string | null;
  claimed_at: Timestamp | null;
  /** The current holder's token: only it may renew, mark sent or release the delivery. */
  claim_token: string | null;
  /** A `sending` delivery whose lease ended belongs to a sender that died: another takes it. */
  lease_until: Timestamp | null;
  sent_at: Timestamp | null;
  created_at: Timestamp;
}

export interface Database {
  feeds: FeedsTable;
  stories: StoriesTable;
  articles: ArticlesTable;
  article_sources: ArticleSourcesTable;
  events: EventsTable;
  alerts: AlertsTable;
  digests: DigestsTable;
  digest_watermarks: DigestWatermarksTable;
  deliveries: DeliveriesTable;
  feed_fetches: FeedFetchesTable;
  feed_notices: FeedNoticesTable;
}

/** What every store function takes: the Kysely instance or a transaction of it. */
export type Db = Kysely<Database>;
