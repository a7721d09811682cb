// send-alert: lease one delivery, render its alert, send it by mail or webhook, mark it sent.
import type { Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import { PermanentError } from '../lib/errors.ts';
import type { Notification } from '../notify/deliver.ts';
import { listClauses, nameRegions, nameSource, placesOf } from '../notify/explain.ts';
import { renderFeedNotice } from '../notify/feed-notice.ts';
import { type AlertContext, type RenderedEmail, renderAlertEmail } from '../notify/render.ts';
import { DeliveryJobSchema, parsePayload, QUEUE } from '../queues/index.ts';
import { matchArticle } from '../rules/match.ts';
import { type Alert, getAlert } from '../store/alerts.ts';
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

async function sendAlert(deps: Deps, job: Job): Promise<SendAlertResult> {
  const { deliveryId } = parsePayload(DeliveryJobSchema, QUEUE.sendAlert, job.data);
  return sendDelivery(deps, job, deliveryId, 'alert', async (delivery) => {
    if (delivery.noticeId !== null) {
      return renderNotice(deps, delivery.noticeId, delivery.channel, deliveryId);
    }
    const alert =
      delivery.alertId === null ? undefined : await getAlert(deps.store.db, delivery.alertId);
    if (!alert) throw new PermanentError(`notify: delivery ${deliveryId} has no alert`);
    const mail = await renderAlert(deps, alert, delivery.channel);
    return {
      ...mail,
      webhookBody: { alert, subject: mail.subject, text: mail.text },
      idempotencyKey: String(deliveryId),
    };
  });
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
async function renderAlert(deps: Deps, alert: Alert, channel: string): Promise<RenderedEmail> {
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
  return renderAlertEmail(alert, {
    rule: {
      id: alert.ruleId,
      name: rule?.name,
      severity: rule?.severity ?? 'medium',
      clauses: rule ? listClauses(rule.match) : [],
    },
    regionName,
    stories,
    timeZone: deps.config.notify.channels[channel]?.timezone,
  });
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
