// send-alert: lease one delivery and the rule's other owed ones on its channel, render their alerts
// as one message, send it by mail or webhook, mark them all sent.
import { DelayedError, type Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import { systemClock } from '../lib/clock.ts';
import { PermanentError } from '../lib/errors.ts';
import type { Notification } from '../notify/deliver.ts';
import { listClauses, nameRegions, nameSource, placesOf } from '../notify/explain.ts';
import { renderFeedNotice } from '../notify/feed-notice.ts';
import { groupWaitMs } from '../notify/group-wait.ts';
import { type AlertContext, type AlertPart, renderAlertGroupEmail } from '../notify/render.ts';
import { DeliveryJobSchema, parsePayload, QUEUE } from '../queues/index.ts';
import { matchArticle } from '../rules/match.ts';
import { type Alert, getAlert } from '../store/alerts.ts';
import {
  type ClaimedDelivery,
  type CompanionQuery,
  claimCompanionDeliveries,
  type Delivery,
  getDelivery,
  hasEarlierGroupDelivery,
  type LeaseTerms,
} from '../store/deliveries.ts';
import { listEventStories } from '../store/events.ts';
import { getFeedNotice } from '../store/feed-health.ts';
import { getFeed } from '../store/feeds.ts';
import { storyKeyOf } from '../store/story-key.ts';
import { type DeliveryResult, sendDelivery } from './delivery.ts';
import type { WorkerSpec } from './spec.ts';

export type SendAlertResult = DeliveryResult;

export const sendAlertWorker: WorkerSpec<SendAlertResult> = {
  queue: QUEUE.sendAlert,
  concurrency: 4,
  process: sendAlert,
};

/**
 * The job was delayed by the channel's group wait (evaluate-alert): the rule's other regions that
 * crossed meanwhile have their deliveries owed on this channel, and go out in this one message.
 * The group's lowest delivery leads: a later one waits while the leader is owed and alive, then
 * finds itself sent with it (or, the leader gone, sends itself and what is left).
 */
async function sendAlert(deps: Deps, job: Job): Promise<SendAlertResult> {
  const { deliveryId } = parsePayload(DeliveryJobSchema, QUEUE.sendAlert, job.data);
  const own = await getDelivery(deps.store.db, deliveryId);
  if (own?.state === 'pending' && own.alertId !== null) {
    const group = await groupOf(deps, own);
    if (group && (await hasEarlierGroupDelivery(deps.store.db, group, deps.clock.now())))
      return waitForLeader(job, deliveryId);
  }
  const render = async (delivery: ClaimedDelivery, held: readonly ClaimedDelivery[]) => {
    if (delivery.noticeId !== null) {
      return renderNotice(deps, delivery.noticeId, delivery.channel, delivery.id);
    }
    // Regions in the order their alerts were made (deliveries of two regions made at once may
    // be numbered the other way round), so the message and its Message-ID read the same way.
    const pairs = await Promise.all(
      held.map(async (claimed) => ({ claimed, alert: await alertOf(deps, claimed) })),
    );
    pairs.sort((a, b) => a.alert.id - b.alert.id);
    const alerts = pairs.map((pair) => pair.alert);
    const parts: AlertPart[] = [];
    for (const { claimed, alert } of pairs)
      parts.push(await renderAlert(deps, alert, claimed.channel));
    const mail = renderAlertGroupEmail(parts);
    return {
      ...mail,
      webhookBody: { alert: alerts[0], alerts, subject: mail.subject, text: mail.text },
      idempotencyKey: held.map((claimed) => claimed.id).join(','),
    };
  };
  const gather = async (delivery: ClaimedDelivery, terms: LeaseTerms) => {
    // A feed notice to the operators has no alert, so no group: it goes alone.
    const group = await groupOf(deps, delivery);
    if (!group) return [];
    return claimCompanionDeliveries(deps.store.db, { ...group, token: delivery.token }, terms);
  };
  return sendDelivery(deps, job, deliveryId, 'alert', render, gather);
}

/** How long a later delivery of a group waits before looking at its leader again. */
const LEADER_WAIT_MS = 1_000;

async function waitForLeader(job: Job, deliveryId: number): Promise<never> {
  await job.moveToDelayed(systemClock.now().getTime() + LEADER_WAIT_MS, job.token);
  throw new DelayedError(`delivery ${deliveryId} waits for its group's first delivery`);
}

/** The delivery's group: the same rule and channel, alerts made within the channel's group wait. */
async function groupOf(
  deps: Deps,
  delivery: Delivery,
): Promise<Omit<CompanionQuery, 'token'> | undefined> {
  const alert =
    delivery.alertId === null ? undefined : await getAlert(deps.store.db, delivery.alertId);
  if (!alert) return undefined;
  const waitMs = groupWaitMs(deps.config.notify.channels[delivery.channel]);
  return {
    deliveryId: delivery.id,
    ruleId: alert.ruleId,
    channel: delivery.channel,
    from: new Date(alert.createdAt.getTime() - waitMs),
    until: new Date(alert.createdAt.getTime() + waitMs),
  };
}

async function alertOf(deps: Deps, delivery: ClaimedDelivery): Promise<Alert> {
  const alert =
    delivery.alertId === null ? undefined : await getAlert(deps.store.db, delivery.alertId);
  if (!alert) throw new PermanentError(`notify: delivery ${delivery.id} has no alert`);
  return alert;
}

/** A feed health notice to the operators: the same lease and once-only marking as an alert. */
async function renderNotice(
  deps: Deps,
  noticeId: number,
  channel: string,
  deliveryId: number,
): Promise<Notification> {
  const notice = await getFeedNotice(deps.store.db, noticeId);
  if (!notice) throw new PermanentError(`notify: feed notice ${noticeId} not found`);
  const feed = await getFeed(deps.store.db, notice.feedId);
  const spec = deps.byId.feeds.get(notice.feedId);
  const mail = renderFeedNotice(
    notice,
    {
      name: spec?.name,
      url: feed?.url ?? spec?.url ?? '',
      lastSuccessAt: feed?.lastFetchedAt ?? null,
      consecutiveFailures: feed?.consecutiveFailures ?? 0,
    },
    deps.config.notify.channels[channel]?.timezone,
  );
  return {
    ...mail,
    webhookBody: { feedNotice: notice, subject: mail.subject, text: mail.text },
    idempotencyKey: String(deliveryId),
  };
}

/**
 * The alert's stories, one article each (the first of its events), rendered as one mail for
 * `channel`, in its time zone, with names for ids and where the alert's region was named.
 */
async function renderAlert(deps: Deps, alert: Alert, channel: string): Promise<AlertPart> {
  const rule = deps.byId.rules.get(alert.ruleId);
  const regionName = nameRegions(deps.config.regions).get(alert.regionId);
  const events = await listEventStories(deps.store.db, alert.triggeredBy.events);
  const seen = new Set<number>();
  const stories: AlertContext['stories'][number][] = [];
  for (const event of events) {
    const storyId = storyKeyOf(event.storyId, event.articleId);
    if (seen.has(storyId)) continue;
    seen.add(storyId);
    stories.push({
      title: event.title,
      url: event.url,
      source: nameSource(deps.config.feeds, event.feedId, event.url),
      publishedAt: event.publishedAt,
      text: event.text,
      hits: event.terms,
      places: alert.regionId === '' ? [] : findPlaces(deps, event, alert.regionId, regionName),
    });
  }
  const context: AlertContext = {
    rule: {
      id: alert.ruleId,
      name: rule?.name,
      severity: rule?.severity ?? 'medium',
      clauses: rule ? listClauses(rule.match) : [],
    },
    regionName,
    stories,
    timeZone: deps.config.notify.channels[channel]?.timezone,
  };
  return { alert: { ...alert, expected: alert.triggeredBy.expected }, context };
}

/** Where the article names the region: events keep term positions, not place ones, so it is read again. */
function findPlaces(
  deps: Deps,
  article: { title: string; text: string },
  regionId: string,
  regionName: string | undefined,
) {
  const { places } = matchArticle(deps.matcher, { title: article.title, text: article.text });
  return placesOf(places, regionId, regionName ?? regionId);
}
