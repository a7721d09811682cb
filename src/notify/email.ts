// Sending mail: SMTP through nodemailer when SMTP_URL is set, else an .eml file per message in the outbox.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { PermanentError, TransientError } from '../lib/errors.ts';
import { classifySmtpFailure, type SmtpFailure } from './failure-class.ts';
import { singleLine } from './format.ts';

export interface MailMessage {
  to: string | readonly string[];
  subject: string;
  text: string;
  html: string;
  /** `<alert-123@vigie>`: also the outbox file name, so a resend overwrites rather than duplicates. */
  messageId: string;
}

export interface SentMail {
  messageId: string;
  /** The .eml file written, when there is no SMTP server. */
  file?: string | undefined;
}

export interface Mailer {
  send(message: MailMessage): Promise<SentMail>;
  close(): void;
}

export interface MailLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface MailerOptions {
  /** `smtp://user:pass@host:587` or `smtps://…`; without one, mail goes to `outboxDir`. */
  smtpUrl?: string | undefined;
  outboxDir: string;
  log: MailLog;
  from?: string | undefined;
  /** Connect, greeting and idle-socket timeouts (default 10 s, 10 s, 30 s). */
  timeoutsMs?: { connect?: number; greeting?: number; socket?: number } | undefined;
}

const DEFAULT_FROM = 'vigie <vigie@localhost>';

export function createMailer(options: MailerOptions): Mailer {
  return options.smtpUrl
    ? createSmtpMailer({ ...options, smtpUrl: options.smtpUrl })
    : createOutboxMailer(options);
}

function createSmtpMailer(options: MailerOptions & { smtpUrl: string }): Mailer {
  const timeouts = options.timeoutsMs ?? {};
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeouts.connect ?? 10_000,
    greetingTimeout: timeouts.greeting ?? 10_000,
    socketTimeout: timeouts.socket ?? 30_000,
  });
  const host = describeServer(options.smtpUrl);
  return {
    async send(message) {
      let rejected: unknown[] = [];
      try {
        ({ rejected = [] } = await transport.sendMail(toMail(message, options.from)));
      } catch (error) {
        throw classifySmtpError(error, host, message.messageId);
      }
      options.log.info({ messageId: message.messageId, smtp: host }, 'mail sent');
      // Accepted for the other recipients: sending again would repeat it to them, so it stays sent.
      if (rejected.length > 0) {
        options.log.warn(
          { messageId: message.messageId, rejected },
          'mail refused for some recipients',
        );
      }
      return { messageId: message.messageId };
    },
    close: () => transport.close(),
  };
}

function createOutboxMailer(options: MailerOptions): Mailer {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  return {
    async send(message) {
      const info = await transport.sendMail(toMail(message, options.from));
      const file = join(options.outboxDir, outboxFileName(message.messageId));
      await mkdir(options.outboxDir, { recursive: true });
      // Write then rename: a reader never sees half a message, a repeat replaces the file whole.
      const partial = `${file}.${process.pid}.tmp`;
      await writeFile(partial, info.message as Buffer);
      await rename(partial, file);
      options.log.info({ messageId: message.messageId, file }, 'mail written to outbox');
      return { messageId: message.messageId, file };
    },
    close: () => transport.close(),
  };
}

function toMail(message: MailMessage, from = DEFAULT_FROM) {
  return {
    from,
    to: typeof message.to === 'string' ? message.to : [...message.to],
    subject: singleLine(message.subject),
    text: message.text,
    html: message.html,
    messageId: singleLine(message.messageId),
  };
}

/** `<alert-123@vigie>` → `alert-123@vigie.eml`; anything outside a safe set becomes `_`. */
export function outboxFileName(messageId: string): string {
  const base = messageId
    .replace(/^<|>$/g, '')
    .replace(/[^A-Za-z0-9@._-]/g, '_')
    .replace(/^\.+/, '_');
  return `${base || 'message'}.eml`;
}

/**
 * A reply or error the server will give again (5xx, bad credentials or address) fails for good;
 * connection trouble and 4xx replies are retried. The reply code is kept in the message.
 */
function classifySmtpError(error: unknown, host: string, messageId: string): Error {
  const failure = (error ?? {}) as SmtpFailure & { message?: string };
  const reply = failure.responseCode ? ` (${failure.responseCode})` : '';
  const what = `email: cannot send ${messageId} through ${host}${reply}: ${failure.message ?? String(error)}`;
  return classifySmtpFailure(failure) === 'permanent'
    ? new PermanentError(what, { cause: error })
    : new TransientError(what, { cause: error });
}

/** host:port of the SMTP URL, without credentials, for messages and logs. */
function describeServer(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'the SMTP server';
  }
}
