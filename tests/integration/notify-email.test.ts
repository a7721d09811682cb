// Mail through a real SMTP server in this process (smtp-server), read back with mailparser; and the outbox.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { TransientError } from '../../src/lib/errors.ts';
import { createMailer, type MailLog, outboxFileName } from '../../src/notify/email.ts';
import { renderAlertEmail } from '../../src/notify/render.ts';
import { freePort, startSmtp, type TestSmtp } from './smtp-helpers.ts';

const HOSTILE_TITLE = '<script>alert(1)</script>\r\nBcc: x@y';
const outbox = mkdtempSync(join(tmpdir(), 'vigie-outbox-'));
const servers: TestSmtp[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  rmSync(outbox, { recursive: true, force: true });
});

function quietLog(): MailLog & { lines: unknown[] } {
  const lines: unknown[] = [];
  const push = (fields: object, message: string) => lines.push({ ...fields, message });
  return { lines, info: push, warn: push };
}

function hostileAlert() {
  return renderAlertEmail(
    {
      id: 42,
      ruleId: 'ei-attentats',
      regionId: 'iraq',
      storyCount: 3,
      newSinceLast: 3,
      windowStart: new Date('2024-09-01T04:00:00Z'),
      windowEnd: new Date('2024-09-01T10:00:00Z'),
    },
    {
      rule: { id: 'ei-attentats', name: `Attentats\r\nBcc: evil@example.org`, severity: 'high' },
      stories: [
        {
          title: HOSTILE_TITLE,
          url: 'https://example.org/a',
          source: 'opex360',
          publishedAt: new Date('2024-09-01T08:00:00Z'),
          text: 'un attentat revendiqué',
          hits: [{ term: 'attentat*', segment: 1, start: 3, end: 11 }],
        },
      ],
    },
  );
}

describe('createMailer with SMTP', () => {
  it('delivers headers and both parts, with the content escaped and no injected header', async () => {
    const smtp = await startSmtp();
    servers.push(smtp);
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      outboxDir: outbox,
      log: quietLog(),
    });
    const email = hostileAlert();
    await mailer.send({ to: ['analyst@example.org'], ...email });
    mailer.close();
    const [mail] = smtp.received;
    expect(mail?.messageId).toBe('<alert-42@vigie>');
    expect(mail?.subject).toBe('[vigie] Attentats Bcc: evil@example.org — iraq: 3 stories');
    expect(mail?.headers.has('bcc')).toBe(false);
    expect(smtp.envelopes).toEqual([['analyst@example.org']]);
    expect(mail?.text).toContain('<script>alert(1)</script> Bcc: x@y');
    expect(mail?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail?.html).not.toContain('<script');
    expect(mail?.from?.text).toContain('vigie@localhost');
  });

  it('throws a TransientError while the server refuses connections, then delivers', async () => {
    const port = await freePort();
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      outboxDir: outbox,
      log: quietLog(),
    });
    const message = { to: 'analyst@example.org', ...hostileAlert() };
    const refused = await mailer.send(message).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TransientError);
    expect(String((refused as Error).message)).toMatch(
      /email: cannot send <alert-42@vigie> through smtp:\/\/127\.0\.0\.1/,
    );
    const smtp = await startSmtp(port);
    servers.push(smtp);
    await expect(mailer.send(message)).resolves.toEqual({ messageId: '<alert-42@vigie>' });
    expect(smtp.received).toHaveLength(1);
    mailer.close();
  });
  it('sends to the recipients the server accepts, and logs the ones it refuses', async () => {
    const smtp = await startSmtp(0, {
      refuseRecipient: (address) => (address.startsWith('gone@') ? 550 : undefined),
    });
    servers.push(smtp);
    const log = quietLog();
    const mailer = createMailer({ smtpUrl: smtp.url, outboxDir: outbox, log });
    const message = { to: ['analyst@example.org', 'gone@example.org'], ...hostileAlert() };
    await expect(mailer.send(message)).resolves.toEqual({ messageId: '<alert-42@vigie>' });
    mailer.close();
    expect(smtp.envelopes).toEqual([['analyst@example.org']]);
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        message: 'mail refused for some recipients',
        rejected: ['gone@example.org'],
      }),
    );
  });
});

describe('createMailer without SMTP', () => {
  it('writes one .eml per message id, overwriting on a repeat, and logs it', async () => {
    const log = quietLog();
    const mailer = createMailer({ outboxDir: join(outbox, 'eml'), log });
    const message = { to: 'analyst@example.org', ...hostileAlert() };
    const first = await mailer.send(message);
    await mailer.send(message);
    expect(readdirSync(join(outbox, 'eml'))).toEqual(['alert-42@vigie.eml']);
    expect(first.file).toBe(join(outbox, 'eml', 'alert-42@vigie.eml'));
    const mail = await simpleParser(readFileSync(first.file ?? ''));
    expect(mail.messageId).toBe('<alert-42@vigie>');
    expect(mail.subject).toBe('[vigie] Attentats Bcc: evil@example.org — iraq: 3 stories');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.text).toContain('<script>alert(1)</script>');
    expect(log.lines).toHaveLength(2);
    expect(log.lines[0]).toMatchObject({
      messageId: '<alert-42@vigie>',
      message: 'mail written to outbox',
    });
  });

  it.each([
    ['<alert-123@vigie>', 'alert-123@vigie.eml'],
    ['<../../etc/passwd>', '__.._etc_passwd.eml'],
    ['', 'message.eml'],
  ])('names %j as %j', (id, name) => {
    expect(outboxFileName(id)).toBe(name);
  });
});
