// Sending one rendered notification to one channel: a mail (SMTP or outbox) or a signed webhook POST.
import { join } from 'node:path';
import type { VigieEnv } from '../config/env.ts';
import type { ChannelSpec } from '../config/schema.ts';
import { createMailer, type MailLog } from './email.ts';
import { sendWebhook } from './webhook.ts';

/** What sending needs of Deps: SMTP_URL, the data dir (its `outbox/` without SMTP), the allow list. */
export interface DeliverySettings {
  env: Pick<VigieEnv, 'smtpUrl' | 'dataDir' | 'allowHosts'>;
  log: MailLog;
}

export interface Notification {
  subject: string;
  text: string;
  html: string;
  /** Derived from what is sent (`<alert-12@vigie>`, `<digest-3@vigie>`): a resend carries the same. */
  messageId: string;
  /** The JSON a webhook receives. */
  webhookBody: unknown;
  /** The delivery's id, sent as `Idempotency-Key` so that a receiver can drop a resend. */
  idempotencyKey: string;
}

/** Throws TransientError (retry later) or PermanentError, as the mailer and the webhook classify them. */
export async function deliver(
  settings: DeliverySettings,
  channel: ChannelSpec,
  notification: Notification,
): Promise<void> {
  if (channel.type === 'webhook') {
    await sendWebhook({
      url: channel.url,
      secret: channel.secret,
      body: notification.webhookBody,
      allowHosts: settings.env.allowHosts,
      idempotencyKey: notification.idempotencyKey,
    });
    return;
  }
  const mailer = createMailer({
    smtpUrl: settings.env.smtpUrl,
    outboxDir: join(settings.env.dataDir, 'outbox'),
    log: settings.log,
  });
  try {
    const { subject, text, html, messageId } = notification;
    await mailer.send({ to: channel.to, subject, text, html, messageId });
  } finally {
    mailer.close();
  }
}
