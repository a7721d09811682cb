// A real SMTP server in the test process (smtp-server), its mails read back with mailparser; a port nothing listens on.
import { createServer } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  port: number;
  /** The messages accepted (answered 250), parsed. */
  received: ParsedMail[];
  /** Each accepted message's envelope recipients, in order. */
  envelopes: string[][];
  /** Every message handed over at DATA, accepted or not, with the reply it got (undefined while held). */
  handed: { messageId: string | undefined; reply: number | undefined }[];
  close(): Promise<void>;
}

export interface SmtpOptions {
  /**
   * The reply to each message handed over (250 accepts it; 4xx or 5xx refuses it), by the
   * message and how many times that Message-ID was handed over before; a promise holds the reply
   * back until it settles. Default: 250.
   */
  reply?: (mail: ParsedMail, before: number) => number | Promise<number>;
  /** The reply to RCPT TO of this address, when it refuses it (4xx or 5xx). */
  refuseRecipient?: (address: string) => number | undefined;
}

/** An SMTP server on 127.0.0.1 (`port`, or any free one) that hands each message, parsed, to `received`. */
export async function startSmtp(port = 0, options: SmtpOptions = {}): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const envelopes: string[][] = [];
  const handed: TestSmtp['handed'] = [];
  const answer = async (mail: ParsedMail): Promise<number> => {
    const before = handed.filter((entry) => entry.messageId === mail.messageId).length;
    const entry = { messageId: mail.messageId, reply: undefined as number | undefined };
    handed.push(entry);
    entry.reply = (await options.reply?.(mail, before)) ?? 250;
    return entry.reply;
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = options.refuseRecipient?.(address.address);
      if (refusal === undefined) return callback();
      callback(Object.assign(new Error('no such user here'), { responseCode: refusal }));
    },
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      simpleParser(stream)
        .then(async (mail) => {
          const reply = await answer(mail);
          if (reply < 300) {
            envelopes.push(recipients);
            received.push(mail);
            return callback();
          }
          callback(Object.assign(new Error(`test server says ${reply}`), { responseCode: reply }));
        })
        .catch(callback);
    },
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    received,
    envelopes,
    handed,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A port nothing listens on (yet): connections to it are refused. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise<void>((done) => probe.close(() => done()));
  return typeof address === 'object' && address ? address.port : 0;
}
