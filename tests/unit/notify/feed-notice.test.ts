// The operators' notice of a feed's change of health: subject, advice, escaped HTML, a stable Message-ID.
import { describe, expect, it } from 'vitest';
import { renderFeedNotice } from '../../../src/notify/feed-notice.ts';

const notice = {
  id: 7,
  feedId: 'opex360',
  state: 'disabled' as const,
  previous: 'ok' as const,
  reason: 'http: https://x.example/feed: 404 <Not Found>',
  createdAt: new Date('2024-09-01T10:00:00Z'),
};
const feed = {
  name: 'Opex 360',
  url: 'https://x.example/feed',
  lastSuccessAt: null,
  consecutiveFailures: 3,
};

describe('renderFeedNotice', () => {
  it('says what happened, why, and how to re-enable a disabled feed', () => {
    const mail = renderFeedNotice(notice, feed);
    expect(mail.subject).toBe('[vigie] feed Opex 360 (opex360) was disabled');
    expect(mail.text).toContain('vigie feeds retry opex360');
    expect(mail.text).toContain('Reason: http: https://x.example/feed: 404 <Not Found>');
    expect(mail.text).toContain('Last success: never');
    expect(mail.html).toContain('404 &lt;Not Found&gt;');
    expect(mail.html).not.toContain('<Not Found>');
    expect(mail.messageId).toBe('<feed-notice-7@vigie>');
  });

  it('tells a recovery in the channel time zone', () => {
    const mail = renderFeedNotice(
      { ...notice, state: 'recovered', previous: 'disabled', reason: null },
      { ...feed, lastSuccessAt: notice.createdAt, consecutiveFailures: 0 },
      'Europe/Paris',
    );
    expect(mail.subject).toBe('[vigie] feed Opex 360 (opex360) has recovered');
    expect(mail.text).toContain('2024-09-01 12:00 CEST (UTC+02:00)');
    expect(mail.text).not.toContain('Reason:');
  });
});
