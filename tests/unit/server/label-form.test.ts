// The label buttons on /events and the account part of the header: escaped, CSRF-carrying forms.
import { describe, expect, it } from 'vitest';
import { AccountNav } from '../../../src/server/pages/account-nav.tsx';
import {
  describeLabels,
  LabelControls,
  toApiLabels,
} from '../../../src/server/pages/label-form.tsx';

const signedIn = { user: 'alice <a>', csrf: 'tok"en', viaProxy: false };
const render = (node: unknown) => String(node);

describe('LabelControls', () => {
  it('gives a signed-in user two buttons, theirs pressed, with the token and the way back', () => {
    const html = render(
      LabelControls({
        eventId: 7,
        labels: { relevant: 2, notRelevant: 1, mine: false },
        account: signedIn,
        back: '/events?q="x"&rule=a',
      }),
    );
    expect(html).toContain('method="post" action="/events/7/label"');
    expect(html).toContain('name="csrf" value="tok&quot;en"');
    expect(html).toContain('name="back" value="/events?q=&quot;x&quot;&amp;rule=a"');
    expect(html).toContain('value="yes" aria-pressed="false"');
    expect(html).toContain('value="no" aria-pressed="true"');
    expect(html).toContain('relevant for 2, not relevant for 1');
  });

  it('shows anonymous readers the counts only, and nothing before the first label', () => {
    const labels = { relevant: 1, notRelevant: 0, mine: undefined };
    const anonymous = { user: undefined, csrf: 'x', viaProxy: false };
    const html = render(LabelControls({ eventId: 7, labels, account: anonymous, back: '/' }));
    expect(html).toBe('<p class="meta">relevant for 1, not relevant for 0</p>');
    expect(LabelControls({ eventId: 7, labels: undefined, account: undefined, back: '/' })).toBe(
      null,
    );
    expect(describeLabels({ relevant: 0, notRelevant: 0, mine: undefined })).toBe('');
  });
});

describe('toApiLabels', () => {
  it.each([
    [undefined, false, { relevant: 0, notRelevant: 0 }],
    [undefined, true, { relevant: 0, notRelevant: 0, mine: null }],
    [
      { relevant: 1, notRelevant: 2, mine: true },
      true,
      { relevant: 1, notRelevant: 2, mine: 'relevant' },
    ],
    [
      { relevant: 1, notRelevant: 2, mine: false },
      true,
      { relevant: 1, notRelevant: 2, mine: 'not-relevant' },
    ],
  ])('%j, signed in %s → %j', (labels, signedInUser, expected) => {
    expect(toApiLabels(labels, signedInUser)).toEqual(expected);
  });
});

describe('AccountNav', () => {
  it('escapes the name and signs out with a POST carrying the token', () => {
    const html = render(AccountNav({ account: signedIn }));
    expect(html).toContain('Signed in as alice &lt;a&gt;');
    expect(html).toContain('method="post" action="/logout"');
    expect(html).toContain('name="csrf" value="tok&quot;en"');
  });

  it('links to /login for anonymous readers, and has no sign-out behind a proxy', () => {
    expect(render(AccountNav({ account: { user: undefined, csrf: 'x', viaProxy: false } }))).toBe(
      '<a href="/login">Sign in</a>',
    );
    const proxied = render(AccountNav({ account: { ...signedIn, viaProxy: true } }));
    expect(proxied).not.toContain('/logout');
  });
});
