// After each fetch: judges the feed's health and, when it changed, stores one notice and its deliveries to the operators' channels.
import type { Deps } from '../deps.ts';
import {
  CADENCE_WINDOW_MS,
  type HealthPolicy,
  judgeHealth,
  noticeFor,
  resolveHealthPolicy,
} from '../feeds/health.ts';
import { enqueueSendAlert } from '../queues/index.ts';
import { insertDeliveries } from '../store/deliveries.ts';
import { changeHealth, readItemCadence } from '../store/feed-health.ts';
import { getFeed } from '../store/feeds.ts';
import type { FeedHealthState } from '../store/types.ts';

export function healthPolicyOf(deps: Deps): HealthPolicy {
  return resolveHealthPolicy(deps.config.health);
}

/**
 * Judges the feed from its stored row and articles; a change of state is stored once (the store's
 * compare-and-set) and told to `operators.channels` of notify.yaml, once per channel, through the
 * deliveries' once-only path (send-alert sends them). Returns the new state when it changed.
 */
export async function watchFeedHealth(
  deps: Deps,
  feedId: string,
): Promise<FeedHealthState | undefined> {
  const feed = await getFeed(deps.store.db, feedId);
  if (!feed) return undefined;
  const now = deps.clock.now();
  const cadence = await readItemCadence(deps.store.db, feedId, CADENCE_WINDOW_MS);
  const facts = {
    disabled: feed.disabledReason !== null,
    failingSince: feed.failingSince,
    ...cadence,
    watchedSince: feed.createdAt,
  };
  const state = judgeHealth(facts, healthPolicyOf(deps), now);
  const notice = noticeFor(feed.health, state);
  if (!notice) return undefined;
  const reason = state === 'failing' || state === 'disabled' ? feed.lastError : null;
  const change = { feedId, from: feed.health, to: state, notice, reason, at: now };
  const noticeId = await changeHealth(deps.store.db, change);
  if (noticeId === undefined) return undefined;
  deps.log.warn({ feedId, health: state, was: feed.health, reason }, 'feed health changed');
  await notifyOperators(deps, noticeId);
  return state;
}

async function notifyOperators(deps: Deps, noticeId: number): Promise<void> {
  const channels = deps.config.notify.operators?.channels ?? [];
  const deliveries = await insertDeliveries(
    deps.store.db,
    { noticeId },
    channels,
    deps.clock.now(),
  );
  for (const delivery of deliveries) {
    if (delivery.created) await enqueueSendAlert(deps.queues, { deliveryId: delivery.id });
  }
}
