// Which failed sends are retried: SMTP replies and errors (RFC 5321 §4.2.1), webhook statuses.
import { describe, expect, it } from 'vitest';
import { classifySmtpFailure, classifyWebhookStatus } from '../../../src/notify/failure-class.ts';

describe('classifySmtpFailure', () => {
  it.each([
    // The server answered: 4yz again later, 5yz never (503 is the session, not the message).
    [{ code: 'EENVELOPE', responseCode: 421 }, 'transient'],
    [{ code: 'EENVELOPE', responseCode: 450 }, 'transient'],
    [{ code: 'EMESSAGE', responseCode: 451 }, 'transient'],
    [{ code: 'EMESSAGE', responseCode: 452 }, 'transient'],
    [{ code: 'EAUTH', responseCode: 454 }, 'transient'],
    [{ code: 'EPROTOCOL', responseCode: 503 }, 'transient'],
    [{ code: 'EENVELOPE', responseCode: 550 }, 'permanent'],
    [{ code: 'EENVELOPE', responseCode: 553 }, 'permanent'],
    [{ code: 'EMESSAGE', responseCode: 554 }, 'permanent'],
    [{ code: 'EMESSAGE', responseCode: 552 }, 'permanent'],
    [{ code: 'EAUTH', responseCode: 535 }, 'permanent'],
    [{ code: 'EPROTOCOL', responseCode: 530 }, 'permanent'],
    // No answer: the network's weather…
    [{ code: 'ECONNECTION' }, 'transient'],
    [{ code: 'ECONNREFUSED' }, 'transient'],
    [{ code: 'ETIMEDOUT' }, 'transient'],
    [{ code: 'ESOCKET' }, 'transient'],
    [{ code: 'EDNS' }, 'transient'],
    [{ code: 'ETLS' }, 'transient'],
    [{ code: 'EPROTOCOL' }, 'transient'],
    [{}, 'transient'],
    // …unless the message or the configuration is wrong: it would fail again as it is.
    [{ code: 'EENVELOPE' }, 'permanent'],
    [{ code: 'EAUTH' }, 'permanent'],
    [{ code: 'ENOAUTH' }, 'permanent'],
    [{ code: 'ECONFIG' }, 'permanent'],
    [{ code: 'EMESSAGE' }, 'permanent'],
    [{ code: 'EMAXRECIPIENTS' }, 'permanent'],
    [{ code: 'EREQUIRETLS' }, 'permanent'],
  ] as const)('%o is %s', (failure, expected) => {
    expect(classifySmtpFailure(failure)).toBe(expected);
  });
});

describe('classifyWebhookStatus', () => {
  it.each([
    [200, 'sent'],
    [202, 'sent'],
    [204, 'sent'],
    [500, 'transient'],
    [502, 'transient'],
    [503, 'transient'],
    [504, 'transient'],
    [429, 'transient'],
    [408, 'transient'],
    [400, 'permanent'],
    [401, 'permanent'],
    [403, 'permanent'],
    [404, 'permanent'],
    [410, 'permanent'],
    [422, 'permanent'],
    [301, 'permanent'],
    [302, 'permanent'],
    [307, 'permanent'],
  ] as const)('%i is %s', (status, expected) => {
    expect(classifyWebhookStatus(status)).toBe(expected);
  });
});
