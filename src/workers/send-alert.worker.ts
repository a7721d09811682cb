// send-alert: claim one delivery, render its alert, send it by mail or webhook, mark it sent.
import type { Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import { PermanentError } from '../lib/errors.ts';
import { deliver } from '../notify/deliver.ts';
import { type AlertContext, type RenderedEmail, renderAlertEmail } from '../notify/render.ts';
import { DeliveryJobSchema, parsePayload, QUEUE } from '../queues/index.ts';
import { type Alert, getAlert } from '../store/alerts.ts';
import {
  CLAIM_STALE_MS,
  claimDelivery,
  markDelivered,
  markDeliveryFailed,
} from '../store/deliveries.ts';
import { listEventStories } from '../store/events.ts';
import { errorMessage, type WorkerSpec } from './spec.ts';

export interface SendAlertResult {
  deliveryId: number;
  sent?: boolean;
  error?: string;
  skipped?: string;
}

export const sendAlertWorker: WorkerSpec<SendAlertResult> = {
  queue: QUEUE.sendAlert,
  concurrency: 4,
  process: sendAlert,
};

async function sendAlert(deps: Deps, job: Job): Promise<SendAlertResult> {
  const { deliveryId } = parsePayload(DeliveryJobSchema, QUEUE.sendAlert, job.data);
  const db = deps.store.db;
  const delivery = await claimDelivery(db, deliveryId, {
    now: deps.clock.now(),
    staleAfterMs: CLAIM_STALE_MS,
  });
  if (!delivery) return { deliveryId, skipped: 'sent, failed or being sent' };
  if (delivery.recovered) {
    // The one window left: it may have reached the server before its sender died. The mail's
    // Message-ID derives from the alert, so mail systems fold the repeat.
    deps.log.warn({ deliveryId }, 'alert delivery taken over from a sender that died; may resend');
  }
  try {
    const alert = delivery.alertId === null ? undefined : await getAlert(db, delivery.alertId);
    if (!alert) throw new PermanentError(`notify: delivery ${deliveryId} has no alert`);
    const channel = deps.config.notify.channels[delivery.channel];
    if (!channel) throw new PermanentError(`notify: unknown channel ${delivery.channel}`);
    const mail = await renderAlert(deps, alert);
    await deliver(deps, channel, {
      ...mail,
      webhookBody: { alert, subject: mail.subject, text: mail.text },
      idempotencyKey: String(deliveryId),
    });
  } catch (error) {
    const permanent = error instanceof PermanentError;
    await markDeliveryFailed(db, deliveryId, { error: errorMessage(error), permanent });
    if (!permanent) throw error;
    deps.log.error({ deliveryId, err: errorMessage(error) }, 'alert delivery failed for good');
    return { deliveryId, error: errorMessage(error) };
  }
  await markDelivered(db, deliveryId, deps.clock.now());
  return { deliveryId, sent: true };
}

/** The alert's stories, one article each (the first of its events), rendered as one mail. */
async function renderAlert(deps: Deps, alert: Alert): Promise<RenderedEmail> {
  const rule = deps.config.rules.find((spec) => spec.id === alert.ruleId);
  const events = await listEventStories(deps.store.db, alert.triggeredBy.events);
  const seen = new Set<number>();
  const stories: AlertContext['stories'][number][] = [];
  for (const event of events) {
    const storyId = event.storyId ?? -event.eventId;
    if (seen.has(storyId)) continue;
    seen.add(storyId);
    stories.push({
      title: event.title,
      url: event.url,
      source: event.feedId ?? event.url,
      publishedAt: event.publishedAt,
      text: event.text,
      hits: event.terms,
    });
  }
  return renderAlertEmail(alert, {
    rule: { id: alert.ruleId, name: rule?.name, severity: rule?.severity ?? 'medium' },
    stories,
  });
}
