// The page header's part about the visitor: who is signed in, and sign in or sign out.
import type { Account } from '../auth.tsx';

/** The header's part about the visitor: who is signed in and a sign-out button, or a link to sign in. */
export function AccountNav(props: { account: Account }) {
  const { account } = props;
  if (account.user === undefined) return <a href="/login">Sign in</a>;
  if (account.viaProxy) return <span>{`Signed in as ${account.user}`}</span>;
  return (
    <form class="account" method="post" action="/logout">
      <input type="hidden" name="csrf" value={account.csrf} />
      {`Signed in as ${account.user} `}
      <button type="submit">Sign out</button>
    </form>
  );
}
