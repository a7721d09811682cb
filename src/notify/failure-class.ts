// Whether a failed send is worth retrying: SMTP replies and errors, webhook statuses.

export type FailureClass = 'transient' | 'permanent';

export interface SmtpFailure {
  /** nodemailer's error code (`ECONNECTION`, `EENVELOPE`…) or the socket's (`ECONNREFUSED`). */
  code?: string | undefined;
  /** The server's reply code, when the server answered. */
  responseCode?: number | undefined;
}

/**
 * nodemailer codes that, without a reply from the server, say the message or the configuration
 * is wrong: sending it again fails again.
 */
const PERMANENT_SMTP_CODES: ReadonlySet<string> = new Set([
  'EAUTH',
  'ENOAUTH',
  'ECONFIG',
  'EENVELOPE',
  'EMESSAGE',
  'EMAXRECIPIENTS',
  'EREQUIRETLS',
  'ESTREAM',
  'EFILEACCESS',
  'EURLACCESS',
]);

/**
 * RFC 5321 §4.2.1: a 5yz reply is a permanent refusal (550 mailbox unavailable, 553, 554), a 4yz
 * one transient (421 closing, 450, 451 local error, 452 no space). 503 (bad sequence) is the
 * session's state, not the message: a new connection may pass. No reply at all (refused, reset,
 * timed out) is the network's weather, unless nodemailer says the message itself is wrong.
 */
export function classifySmtpFailure(failure: SmtpFailure): FailureClass {
  const reply = failure.responseCode;
  if (reply !== undefined && reply >= 400 && reply < 600) {
    return reply >= 500 && reply !== 503 ? 'permanent' : 'transient';
  }
  return PERMANENT_SMTP_CODES.has(failure.code ?? '') ? 'permanent' : 'transient';
}

/**
 * A webhook's answer: 2xx sent; 408 (timeout), 429 (slow down) and 5xx worth retrying; a redirect
 * (not followed: re-POSTing an alert elsewhere is the receiver's mistake to fix) and any other
 * 4xx fail again as they are.
 */
export function classifyWebhookStatus(status: number): FailureClass | 'sent' {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 408 || status === 429 || status >= 500) return 'transient';
  return 'permanent';
}
