// The zod schemas of the four config files (feeds, regions, rules, notify): shapes, defaults, single-value checks.
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { parseDuration } from '../lib/duration.ts';
import {
  type MatchItem,
  type MatchNode,
  type NameSpec,
  type RegionSpec,
  type RuleSpec,
  SEVERITIES,
  type TermSpec,
} from '../rules/types.ts';

const ID_PATTERN = /^[a-z0-9-]+$/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const HTTP_PROTOCOL = /^https?$/;

/** An identifier of a feed, rule, region, channel or digest. */
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, { error: (issue) => `invalid id "${issue.input}": use a-z, 0-9 and -` });

const HttpUrlSchema = z.url({
  protocol: HTTP_PROTOCOL,
  error: (issue) => `invalid URL "${String(issue.input)}": expected an http or https URL`,
});

/** A duration as `10m`: a positive whole number and a unit s, m, h or d. */
export const DurationSchema = z
  .string()
  .refine((text) => parseDuration(text) !== undefined, {
    error: (issue) =>
      `invalid duration "${String(issue.input)}": expected a positive whole number and a unit s, m, h or d (e.g. 10m)`,
  })
  .meta({ pattern: '^\\s*0*[1-9][0-9]*[smhd]\\s*$', examples: ['30s', '10m', '6h', '1d'] });

/** A cron pattern of 5 fields (6 with seconds) or a `@daily`-style alias, as BullMQ runs it. */
export const CronSchema = z.string().check((ctx) => {
  const reason = describeCronProblem(ctx.value);
  if (reason) ctx.issues.push({ code: 'custom', input: ctx.value, message: reason });
});

/** Why `pattern` is not a usable cron pattern, or undefined when it is. */
export function describeCronProblem(pattern: string): string | undefined {
  const fields = pattern.trim().split(/\s+/).length;
  if (!pattern.trim().startsWith('@') && (fields < 5 || fields > 6)) {
    return `invalid cron "${pattern}": expected 5 fields (minute hour day month weekday)`;
  }
  try {
    CronExpressionParser.parse(pattern);
    return undefined;
  } catch (error) {
    return `invalid cron "${pattern}": ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** An IANA time zone such as Europe/Paris. */
export const TimeZoneSchema = z.string().refine(isTimeZone, {
  error: (issue) => `unknown time zone "${String(issue.input)}" (e.g. Europe/Paris, UTC)`,
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

/** A word, `prefix*` or "a phrase": must hold at least one letter or digit. */
export const TermTextSchema = z.string().refine((text) => WORD_CHARACTER.test(text), {
  error: (issue) => `term "${String(issue.input)}" has no letter or digit`,
});

const WeightSchema = z
  .number()
  .positive({ error: 'weight must be a positive number' })
  .describe('weight of the term in the score (default 1)');

const CaseSensitiveSchema = z.boolean().describe('match the exact case (acronyms: EI, IS)');

const TermObjectSchema = z
  .strictObject({
    term: TermTextSchema,
    caseSensitive: CaseSensitiveSchema.optional(),
    weight: WeightSchema.optional(),
  })
  .meta({ id: 'term-object' });

const TERM_ERROR = 'expected a term: a string, {term: ...} or {near: [a, b], within: N}';
const ITEM_ERROR = `${TERM_ERROR}, or a boolean node {all, any, none}`;

/** A term in any syntax; `near` operands are terms themselves. */
export const TermSchema: z.ZodType<TermSpec> = z.lazy(() =>
  z
    .union([TermTextSchema, TermObjectSchema, NearSchema], { error: TERM_ERROR })
    .meta({ id: 'term' }),
);

const NearSchema = z
  .strictObject({
    near: z
      .tuple([TermSchema, TermSchema], { error: 'near takes exactly two terms: [a, b]' })
      .describe('two terms, in either order'),
    within: z
      .int()
      .nonnegative({ error: 'within must be a whole number >= 0' })
      .describe('at most this many words between the two terms'),
    weight: WeightSchema.optional(),
  })
  .meta({ id: 'near' });

const NODE_KEYS = ['all', 'any', 'none'] as const;

/** An item of a boolean node: a term or a nested node. */
export const MatchItemSchema: z.ZodType<MatchItem> = z.lazy(() =>
  z
    .union([TermTextSchema, TermObjectSchema, NearSchema, MatchNodeSchema], { error: ITEM_ERROR })
    .meta({ id: 'match-item' }),
);

const ItemListSchema = z.array(MatchItemSchema).min(1, { error: 'must not be empty' }).optional();

/** A boolean node: `all` every item, `any` one item, `none` no item; at least one of them. */
export const MatchNodeSchema: z.ZodType<MatchNode> = z
  .strictObject({ all: ItemListSchema, any: ItemListSchema, none: ItemListSchema })
  .refine((node) => NODE_KEYS.some((key) => node[key] !== undefined), {
    error: 'a boolean node needs at least one of all, any, none',
    abort: true,
  })
  .meta({ id: 'match-node', minProperties: 1 });

const PerSchema = z
  .enum(['rule', 'region'])
  .default('rule')
  .describe('count the rule as a whole, or separately for each region');

/** What an alert without `threshold` or `spike` does: alert on the first story. */
const DEFAULT_THRESHOLD = { count: 1, window: '1h', per: 'rule' } as const;

const AlertSchema = z
  .strictObject({
    threshold: z
      .strictObject({
        count: z.int().positive({ error: 'count must be a whole number > 0' }),
        window: DurationSchema,
        per: PerSchema,
      })
      .optional()
      .describe('alert at `count` distinct stories within `window` (default: the first story)'),
    spike: z
      .strictObject({
        factor: z.number().positive({ error: 'factor must be > 0' }),
        window: DurationSchema,
        baseline: DurationSchema.describe('the period before the window giving the usual rate'),
        min: z.int().positive({ error: 'min must be a whole number > 0' }),
        per: PerSchema,
      })
      .optional()
      .describe(
        'alert when the window holds more than factor × its usual stories, and at least min',
      ),
    cooldown: DurationSchema.optional(),
    channels: z.array(IdSchema).min(1, { error: 'must not be empty' }),
  })
  .refine((alert) => !(alert.threshold && alert.spike), {
    error: 'an alert has a threshold or a spike, not both',
  })
  .transform((alert) =>
    alert.threshold || alert.spike ? alert : { ...alert, threshold: { ...DEFAULT_THRESHOLD } },
  );

export const RuleSchema = z.strictObject({
  id: IdSchema,
  name: z.string().optional(),
  severity: z.enum(SEVERITIES).default('medium'),
  languages: z.array(z.string().min(1)).optional().describe('only articles in these languages'),
  match: MatchNodeSchema,
  regions: z.array(IdSchema).optional().describe('an article must name one of these regions'),
  minScore: z
    .number()
    .nonnegative()
    .optional()
    .describe('minimum sum of the weights of the distinct terms matched'),
  alert: AlertSchema.optional(),
  digests: z.array(IdSchema).optional(),
});

const ShareSchema = z.number().min(0).max(1, { error: 'must be <= 1' });

/** How the regions an article is about are chosen (rules/focus.ts); each key defaults there. */
export const FocusSchema = z
  .strictObject({
    share: ShareSchema.optional().describe(
      'a region named in at least this share of the place mentions is a focus (default 0.2)',
    ),
    leadChars: z
      .int()
      .nonnegative({ error: 'leadChars must be a whole number >= 0' })
      .optional()
      .describe('the lead: this many first characters of the text, with the title (default 150)'),
    leadShare: ShareSchema.optional().describe(
      'a region named in the title or lead is a focus from this share of the mentions (default 0.1)',
    ),
  })
  .describe(
    'which regions an article is about: what per: region counts for a rule without regions',
  );

/** How the gazetteer's adjectives count (rules/disambiguate.ts); measured default there. */
export const AdjectivesSchema = z
  .enum(['always', 'state', 'context'])
  .describe(
    'how adjectives (irakien, French) count: always; state, unless a word around says language or cuisine (default); context, only when the country or a place in it is named too',
  );

export const RulesFileSchema = z.strictObject({
  focus: FocusSchema.optional(),
  adjectives: AdjectivesSchema.optional(),
  rules: z.array(RuleSchema),
});

const NameSchema: z.ZodType<NameSpec> = z.union(
  [
    TermTextSchema,
    z.strictObject({
      term: TermTextSchema,
      caseSensitive: CaseSensitiveSchema.optional(),
      requiresContext: z
        .boolean()
        .optional()
        .describe('this name counts only when an ancestor or a sibling is also named'),
    }),
  ],
  { error: 'expected a name: a string or {term: ..., caseSensitive: true}' },
);

const RequiresContextSchema = z
  .boolean()
  .optional()
  .describe('count only when an ancestor or a sibling is also named');

const MembersSchema = z
  .array(IdSchema)
  .min(1, { error: 'must not be empty' })
  .describe('a group: the regions it gathers (any depth), each named when one of them is');

/** A region needs a name, unless it is a group (its members name it). */
function needsNames(region: { names?: unknown[] | undefined; members?: unknown[] | undefined }) {
  return (region.names?.length ?? 0) > 0 || (region.members?.length ?? 0) > 0;
}

const NAMES_OR_MEMBERS = {
  error: 'a region needs names (or members, for a group)',
  path: ['names'],
};

export const RegionSchema: z.ZodType<RegionSpec> = z
  .strictObject({
    id: IdSchema,
    names: z.array(NameSchema).default([]),
    adjectives: z.array(NameSchema).optional(),
    requiresContext: RequiresContextSchema,
    members: MembersSchema.optional(),
    get children() {
      return z.array(RegionSchema).optional();
    },
  })
  .refine(needsNames, NAMES_OR_MEMBERS)
  .meta({ id: 'region' });

export const RegionsFileSchema = z.strictObject({ regions: z.array(RegionSchema) });

/** A place of regions.local.yaml: a region (with children) and where it goes. */
const LocalPlaceSchema = z
  .strictObject({
    id: IdSchema,
    parent: IdSchema.optional().describe('the region it is in (default: a top-level region)'),
    names: z.array(NameSchema).default([]),
    adjectives: z.array(NameSchema).optional(),
    requiresContext: RequiresContextSchema,
    members: MembersSchema.optional(),
    children: z.array(RegionSchema).optional(),
  })
  .refine(needsNames, NAMES_OR_MEMBERS);

const NamesByRegionSchema = z.record(IdSchema, z.array(NameSchema));

/** regions.local.yaml: the analysts' changes to the generated gazetteer (see config/overlay.ts). */
export const RegionsLocalFileSchema = z.strictObject({
  places: z.array(LocalPlaceSchema).default([]).describe('new places and groups'),
  names: NamesByRegionSchema.default({}).describe('more names of existing regions, by region id'),
  adjectives: NamesByRegionSchema.default({}).describe('more adjectives, by region id'),
  groups: z
    .record(IdSchema, z.array(IdSchema))
    .default({})
    .describe('more members of a group (a new id makes a new group without names)'),
  requiresContext: z
    .array(IdSchema)
    .default([])
    .describe('regions whose names then count only with context'),
  notPlaces: z
    .array(z.string().regex(/[\p{L}\p{N}]/u, { error: 'a name must hold a word' }))
    .default([])
    .describe(
      'names that hold a place name but name no place (an agency, a team, a sea): the place inside them does not count',
    ),
  remove: z
    .strictObject({
      regions: z.array(IdSchema).default([]).describe('regions removed, with their children'),
      names: z
        .record(IdSchema, z.array(z.string().min(1)))
        .default({})
        .describe('names and adjectives removed, by region id'),
    })
    .default({ regions: [], names: {} }),
});

/** config/regions.depth.json, generated by `npm run gazetteer`: places by parent id, one a line. */
export const RegionsDepthFileSchema = z.object({
  places: z.array(
    z.strictObject({ id: IdSchema, parent: IdSchema, names: z.array(NameSchema).min(1) }),
  ),
});

export type RegionsDepthSpec = z.output<typeof RegionsDepthFileSchema>;

export type RegionsLocalSpec = z.output<typeof RegionsLocalFileSchema>;

export const FeedSchema = z.strictObject({
  id: IdSchema,
  name: z
    .string()
    .min(1)
    .optional()
    .describe('how alerts and digests name the feed (default: its site)'),
  url: HttpUrlSchema,
  every: DurationSchema.describe('poll interval'),
  fetchArticle: z.boolean().default(true).describe('fetch the page for the full text'),
  lang: z.string().min(1).optional().describe('language hint, e.g. fr'),
  tags: z.array(z.string().min(1)).optional(),
});

/** When a feed's trouble is told to the operators, and when a permanent failure disables it. */
export const HealthSchema = z
  .strictObject({
    failingAfter: DurationSchema.optional().describe(
      'a feed failing for longer than this is reported as failing (default 6h)',
    ),
    disableAfter: z
      .strictObject({
        failures: z
          .int()
          .positive({ error: 'failures must be a whole number > 0' })
          .describe('permanent failures (404, not a feed) that disable the feed (default 3)'),
        within: DurationSchema.describe('counted over this period (default 24h)'),
      })
      .optional(),
    silentFactor: z
      .number()
      .min(1, { error: 'silentFactor must be >= 1' })
      .optional()
      .describe(
        'a feed with no new item for this many times its usual interval is silent (default 10)',
      ),
    silentAfter: DurationSchema.optional().describe(
      'never silent before this long without a new item (default 2d)',
    ),
  })
  .describe(
    'feed health: when operators are told (notify.yaml operators) and when feeds are disabled',
  );

/** How long stored data is kept; each key off when absent (`vigie purge`, the retention job). */
export const RetentionSchema = z
  .strictObject({
    articleText: DurationSchema.optional().describe(
      "drop articles' text after this long, keeping the row and its events (default 90d)",
    ),
    events: DurationSchema.optional().describe(
      'delete events, alerts and deliveries, and digest runs, older than this (default 365d)',
    ),
    fetchHistory: DurationSchema.optional().describe(
      "delete the feeds' fetch history older than this (default 30d)",
    ),
  })
  .describe('what is deleted, and after how long');

export const FeedsFileSchema = z.strictObject({
  feeds: z.array(FeedSchema).default([]),
  health: HealthSchema.optional(),
  retention: RetentionSchema.optional(),
});

const ChannelTimeZoneSchema = TimeZoneSchema.optional().describe(
  'IANA time zone of the times its alerts show, with their UTC offset (default UTC)',
);

const GroupWaitSchema = DurationSchema.optional().describe(
  'how long an alert waits for the rule’s other regions, to go out in one message (default 60s)',
);

const EmailChannelSchema = z.strictObject({
  type: z.literal('email'),
  timezone: ChannelTimeZoneSchema,
  groupWait: GroupWaitSchema,
  to: z.array(z.email({ error: 'invalid email address' })).min(1, { error: 'must not be empty' }),
});

const WebhookChannelSchema = z.strictObject({
  type: z.literal('webhook'),
  timezone: ChannelTimeZoneSchema,
  groupWait: GroupWaitSchema,
  url: HttpUrlSchema,
  secret: z.string().min(1).optional(),
});

export const ChannelSchema = z.discriminatedUnion(
  'type',
  [EmailChannelSchema, WebhookChannelSchema],
  {
    error: 'expected type: email or webhook',
  },
);

export const DigestSchema = z.strictObject({
  cron: CronSchema.describe('when to send, e.g. "0 8 * * *"'),
  timezone: TimeZoneSchema.describe('IANA time zone of the cron, e.g. Europe/Paris'),
  channels: z.array(IdSchema).min(1, { error: 'must not be empty' }),
  skipEmpty: z.boolean().default(true).describe('send nothing when nothing matched'),
  rules: z.array(IdSchema).optional().describe('only these rules (default: every rule)'),
});

export const NotifyFileSchema = z.strictObject({
  channels: z.record(IdSchema, ChannelSchema).default({}),
  operators: z
    .strictObject({ channels: z.array(IdSchema).min(1, { error: 'must not be empty' }) })
    .optional()
    .describe('where feed health changes go (failing, disabled, silent, recovered)'),
  digests: z.record(IdSchema, DigestSchema).default({}),
});

export type FeedSpec = z.output<typeof FeedSchema>;
export type ChannelSpec = z.output<typeof ChannelSchema>;
export type DigestSpec = z.output<typeof DigestSchema>;
export type NotifySpec = z.output<typeof NotifyFileSchema>;
export type FocusSpec = z.output<typeof FocusSchema>;
export type HealthSpec = z.output<typeof HealthSchema>;
export type RetentionSpec = z.output<typeof RetentionSchema>;
export type { RegionSpec, RuleSpec };

/** The four files by name, each with the schema of its whole document. */
export const FILE_SCHEMAS = {
  'feeds.yaml': FeedsFileSchema,
  'regions.yaml': RegionsFileSchema,
  'regions.local.yaml': RegionsLocalFileSchema,
  'rules.yaml': RulesFileSchema,
  'notify.yaml': NotifyFileSchema,
} as const;

export type ConfigFileName = keyof typeof FILE_SCHEMAS;
