// /login: the sign-in form, with why the last attempt failed, and where to go back to.
import type { Account } from '../auth.tsx';
import { Layout } from './layout.tsx';

export interface LoginPageProps {
  account: Account;
  next: string;
  /** The name typed last time, kept in the form. */
  user?: string | undefined;
  error?: string | undefined;
}

export function LoginPage(props: LoginPageProps) {
  const { account } = props;
  return (
    <Layout title="Sign in" account={account}>
      <h1>Sign in</h1>
      {account.user !== undefined ? (
        <p>{`You are signed in as ${account.user}.`}</p>
      ) : null}
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {account.viaProxy ? null : (
        <form class="filters" method="post" action="/login" aria-label="Sign in">
          <input type="hidden" name="csrf" value={account.csrf} />
          <input type="hidden" name="next" value={props.next} />
          <label>
            User name
            <input name="user" value={props.user ?? ''} autocomplete="username" required />
          </label>
          <label>
            Password
            <input type="password" name="password" autocomplete="current-password" required />
          </label>
          <button type="submit">Sign in</button>
          <p class="hint">Users are added on the server with vigie users add NAME.</p>
        </form>
      )}
    </Layout>
  );
}
