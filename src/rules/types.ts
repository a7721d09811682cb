// The shapes of rules and regions after validation: what the compiler takes.

/** A term as written in YAML: a string (word, `prefix*`, "a phrase") or an object form. */
export type TermSpec = string | TermObject | NearSpec;

export interface TermObject {
  term: string;
  caseSensitive?: boolean | undefined;
  weight?: number | undefined;
}

export interface NearSpec {
  near: [TermSpec, TermSpec];
  within: number;
  weight?: number | undefined;
}

/** A boolean node: each key present must hold (`all` every item, `any` one, `none` no item). */
export interface MatchNode {
  all?: MatchItem[] | undefined;
  any?: MatchItem[] | undefined;
  none?: MatchItem[] | undefined;
}

export type MatchItem = TermSpec | MatchNode;

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface ThresholdSpec {
  count: number;
  window: string;
  per: 'rule' | 'region';
}

/** A spike: more than `factor` × the baseline's average per window, and at least `min` stories. */
export interface SpikeSpec {
  factor: number;
  window: string;
  baseline: string;
  min: number;
  per: 'rule' | 'region';
}

/** An alert is decided by a threshold (the default: the first story) or by a spike, never both. */
export interface AlertSpec {
  threshold?: ThresholdSpec | undefined;
  spike?: SpikeSpec | undefined;
  cooldown?: string | undefined;
  channels: string[];
}

export interface RuleSpec {
  id: string;
  name?: string | undefined;
  severity: Severity;
  languages?: string[] | undefined;
  match: MatchNode;
  regions?: string[] | undefined;
  minScore?: number | undefined;
  alert?: AlertSpec | undefined;
  digests?: string[] | undefined;
}

/** A gazetteer name or adjective: written in the term syntax of rules (no `near`, no weight). */
export type NameSpec =
  | string
  | {
      term: string;
      caseSensitive?: boolean | undefined;
      /** This name alone counts only with context (as `requiresContext` does for all of a region's names). */
      requiresContext?: boolean | undefined;
    };

export interface RegionSpec {
  id: string;
  names: NameSpec[];
  adjectives?: NameSpec[] | undefined;
  requiresContext?: boolean | undefined;
  /** A group (Sahel, Levant, Africa): the regions it gathers, any depth; named when one of them is. */
  members?: string[] | undefined;
  children?: RegionSpec[] | undefined;
}
