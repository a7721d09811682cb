// Workspace users for tests: stored with cheap scrypt parameters, and signed in over HTTP like a browser.
import { hashPassword } from '../../src/lib/password.ts';
import type { Db } from '../../src/store/types.ts';
import { upsertUser } from '../../src/store/users.ts';

/** The default cost (~0.2 s a hash) is tested in tests/unit/lib/password.test.ts; tests need speed. */
const TEST_COST = { N: 1024, r: 8, p: 1 };

export async function addTestUser(db: Db, name: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password, TEST_COST);
  await upsertUser(db, { name, passwordHash, now: new Date() });
}

/**
 * Signs in on the server at `base` as a browser does (GET /login for the form's token and cookie,
 * then POST): the Cookie header that carries the session, and the session's CSRF token.
 */
export async function signIn(
  base: string,
  name: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const form = await fetch(`${base}/login`);
  const anonymous = cookiesOf(form);
  const token = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: anonymous },
    body: new URLSearchParams({ csrf: token, user: name, password }),
  });
  if (response.status !== 303) throw new Error(`sign-in as ${name}: HTTP ${response.status}`);
  const cookie = `${anonymous}; ${cookiesOf(response)}`;
  const page = await (await fetch(`${base}/events`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return { cookie, csrf };
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}
