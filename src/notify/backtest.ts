// The replay behind `vigie backtest`: matched articles fed in time order through the real threshold decision.
import type { RuleSpec } from '../rules/types.ts';
import {
  alertKeys,
  decideAlert,
  historyStart,
  type LastAlert,
  type StoryMatch,
} from './threshold.ts';

/** One rule an article would match: what classify-article would store as its event. */
export interface ReplayMatch {
  ruleId: string;
  /** The article's story, or minus its id when it has none (as the alert query counts it). */
  storyId: number;
  /** The regions of the event, most named first. */
  regions: readonly string[];
  /** Of those, the ones the article is about (default: all of them), as classify-article stores them. */
  focusRegions?: readonly string[] | undefined;
  /** When the worker would match it: the replay's clock. */
  matchedAt: Date;
  /** When it counts in a window (its article's publication, store/counted-at.ts); default matchedAt. */
  countedAt?: Date | undefined;
}

export type ReplayRule = Pick<RuleSpec, 'id' | 'severity' | 'regions' | 'alert'>;

export interface ReplayAlert {
  at: Date;
  /** '' for a rule counted per rule (`WHOLE_RULE`). */
  region: string;
  /** The distinct stories the alert counted, in order of their first match. */
  stories: number[];
}

export interface RuleReplay {
  id: string;
  articles: number;
  stories: number;
  alerts: ReplayAlert[];
}

export interface Replay {
  /** Adds matches no older than those already added (articles oldest first). */
  add(matches: readonly ReplayMatch[]): void;
  /** Evaluates what is pending and returns one entry per rule, in the rules' order. */
  finish(): RuleReplay[];
}

interface KeyState {
  rule: ReplayRule;
  region: string;
  matches: StoryMatch[];
  last?: LastAlert | undefined;
}

interface RuleState {
  articles: number;
  stories: Set<number>;
  alerts: ReplayAlert[];
}

/**
 * Starts a replay with no earlier events and no earlier alert, whatever the store holds: it shows
 * what these rules would have done on their own. Matches stamped with the same time are evaluated
 * together, as the evaluate-alert worker counts every event of its key stored before it runs.
 */
export function startReplay(rules: readonly ReplayRule[]): Replay {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const perRule = new Map<string, RuleState>(
    rules.map((rule) => [rule.id, { articles: 0, stories: new Set(), alerts: [] }]),
  );
  const keys = new Map<string, KeyState>();
  let pending = new Set<KeyState>();
  let pendingAt: Date | undefined;

  const evaluatePending = () => {
    if (pendingAt) for (const key of pending) evaluateKey(key, pendingAt, perRule);
    pending = new Set();
  };

  return {
    add(matches) {
      for (const match of matches) {
        const rule = byId.get(match.ruleId);
        if (!rule) continue;
        if (pendingAt && match.matchedAt < pendingAt)
          throw new Error(
            `notify: backtest matches out of order at ${match.matchedAt.toISOString()}`,
          );
        if (pendingAt && match.matchedAt > pendingAt) evaluatePending();
        pendingAt = match.matchedAt;
        const state = perRule.get(rule.id);
        if (state) {
          state.articles++;
          state.stories.add(match.storyId);
        }
        for (const region of alertKeys(rule, match.regions, match.focusRegions)) {
          const key = keyOf(keys, rule, region);
          key.matches.push({
            storyId: match.storyId,
            countedAt: match.countedAt ?? match.matchedAt,
          });
          pending.add(key);
        }
      }
    },
    finish() {
      evaluatePending();
      return rules.map((rule) => {
        const state = perRule.get(rule.id);
        return {
          id: rule.id,
          articles: state?.articles ?? 0,
          stories: state?.stories.size ?? 0,
          alerts: state?.alerts ?? [],
        };
      });
    },
  };
}

/** The whole replay at once: for tests and small inputs. */
export function replayAlerts(
  rules: readonly ReplayRule[],
  matches: readonly ReplayMatch[],
): RuleReplay[] {
  const replay = startReplay(rules);
  replay.add([...matches].sort((a, b) => a.matchedAt.getTime() - b.matchedAt.getTime()));
  return replay.finish();
}

function keyOf(keys: Map<string, KeyState>, rule: ReplayRule, region: string): KeyState {
  // JSON keeps rule and region apart without a separator either could contain.
  const name = JSON.stringify([rule.id, region]);
  let key = keys.get(name);
  if (!key) {
    key = { rule, region, matches: [] };
    keys.set(name, key);
  }
  return key;
}

/** Decides the key at `now` as evaluate-alert would, with the replay's own last alert. */
function evaluateKey(key: KeyState, now: Date, perRule: Map<string, RuleState>): void {
  const alert = key.rule.alert;
  if (!alert) return;
  // Time only moves forward: a match that left the window (or a spike's baseline) never counts again.
  const start = historyStart(alert, now).getTime();
  key.matches = key.matches.filter((match) => match.countedAt.getTime() > start);
  const decision = decideAlert({
    alert,
    severity: key.rule.severity,
    matches: key.matches,
    last: key.last,
    now,
  });
  if (!decision.fire) return;
  key.last = { at: now, storyIds: decision.stories };
  perRule.get(key.rule.id)?.alerts.push({ at: now, region: key.region, stories: decision.stories });
}
