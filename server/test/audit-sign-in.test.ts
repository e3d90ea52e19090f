import { randomUUID } from 'node:crypto';
import { within } from '@testing-library/dom';
import { decodeJwt } from 'jose';
import type { AuditEvent } from '../src/audit/audit-events';
import { TEXT } from '../src/oidc/pages';
import { RefusalLog } from '../src/oidc/refusal-log';
import { hashSecret } from '../src/oidc/secrets';
import { SIGN_IN_FAILED } from '../src/oidc/sign-in-audit';
import { ENGINES, useOn } from './support/engines';
import { parsePage } from './support/oidc-dom';
import {
  EMAIL,
  PASSWORD,
  createHarness,
  endSessionUrl,
  isSignedIn,
  signInForTokens,
  submitSignIn,
  type Browser,
  type Harness,
} from './support/oidc-harness';

/**
 * The sign-in log (issue 15): every sign-in, failed sign-in and sign-out leaves an entry, a
 * session's in the transaction that starts or ends it; failures name the user only as an id, and
 * only when the email is theirs; throttled refusals are sampled; no password, cookie, code or token
 * is ever written.
 */

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AuditSignInTest/1.0';
/** What the refusal log says of a throttled attempt (sign-in-audit.ts). */
const THROTTLED = 'Too many failed sign-in attempts: refused without checking the password';

/** An entry as stored, less its id and time. */
type Row = Omit<AuditEvent, 'id' | 'occurred_at'>;

const COLUMNS =
  'actor_id, actor_email, action, resource_type, resource_id, resource_name, tenant_id, partner_id, result, status_code, ip_address, user_agent, request_id, changes, detail';

describe('the refusal log', () => {
  it('records one refusal per address and interval, within a budget shared by every address', () => {
    const log = new RefusalLog({ intervalMs: 10_000, burst: 2, perSecond: 1, maxEntries: 100 });
    const t0 = Date.parse('2026-11-01T09:00:00Z');
    const at = (ms: number) => new Date(t0 + ms);
    expect(log.take('192.0.2.1', at(0))).toBe(0);
    expect(log.take('192.0.2.1', at(100))).toBeNull();
    expect(log.take('192.0.2.2', at(200))).toBe(0);
    // The budget is spent: a third address waits for it, and its refusal is counted.
    expect(log.take('192.0.2.3', at(300))).toBeNull();
    expect(log.take('192.0.2.3', at(1300))).toBe(1);
    expect(log.take('192.0.2.1', at(10_000))).toBe(1);
  });

  it('keeps a bounded number of addresses', () => {
    const log = new RefusalLog({ intervalMs: 10_000, burst: 1000, perSecond: 1000, maxEntries: 50 });
    for (let i = 0; i < 500; i++) log.take(`198.51.100.${i % 250}-${i}`, new Date(0));
    expect(log.size).toBeLessThanOrEqual(50);
  });
});

describe.each(ENGINES)('the sign-in log on %s', (engine) => {
  let h: Harness;
  useOn(
    engine,
    (databaseUrl) =>
      createHarness(
        {
          // app.request has no socket: each test browser says which address it stands for.
          clientAddress: (c) => c.req.header('x-test-client'),
          refusalDelayMs: 0,
          refusalLog: new RefusalLog({ intervalMs: 10_000, burst: 30, perSecond: 1, maxEntries: 1000 }),
        },
        { databaseUrl },
      ),
    (harness) => (h = harness),
  );
  afterEach(() => h.clock.reset());

  const browserAt = (address: string): Browser => h.browser({ 'x-test-client': address, 'user-agent': UA });

  /** The entries the request answered by `res` left (every response carries its X-Request-Id). */
  async function entriesOf(res: Response): Promise<Row[]> {
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    return h.ctx.db.query<Row>(`SELECT ${COLUMNS} FROM audit_events WHERE request_id = $1`, [requestId]);
  }

  /** How many entries hold `text` in any column. */
  async function rowsContaining(text: string): Promise<number> {
    const [row] = await h.ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_events a WHERE strpos(row_to_json(a)::text, $1) > 0',
      [text],
    );
    return row!.n;
  }

  /** A failed sign-in's entry, as `res` should have left it. */
  function failure(res: Response, address: string, actor: { id: string | null; email: string; tenantId?: string; partnerId?: string }): Row {
    return {
      actor_id: actor.id,
      actor_email: actor.email,
      action: 'auth.sign_in_failed',
      resource_type: 'session',
      resource_id: null,
      resource_name: null,
      tenant_id: actor.tenantId ?? null,
      partner_id: actor.partnerId ?? null,
      result: 'failure',
      status_code: 401, // the page answers 200, showing the form again
      ip_address: address,
      user_agent: UA,
      request_id: res.headers.get('x-request-id'),
      changes: null,
      detail: SIGN_IN_FAILED,
    };
  }

  it('records a sign-in: the session, the user, where from, and the request', async () => {
    const browser = browserAt('198.51.100.10');
    const res = await submitSignIn(h, browser, EMAIL.tenantAdmin, PASSWORD);
    expect(res.status).toBe(303);
    const cookie = browser.cookies.get('scaikey_session')!;
    const [session] = await h.ctx.db.query<{ id: string }>('SELECT id FROM oauth_sessions WHERE token_hash = $1', [hashSecret(cookie)]);
    expect(await entriesOf(res)).toEqual([
      {
        actor_id: h.ids.tenantAdmin,
        actor_email: EMAIL.tenantAdmin,
        action: 'auth.sign_in_succeeded',
        resource_type: 'session',
        resource_id: session!.id,
        resource_name: EMAIL.tenantAdmin,
        tenant_id: h.tenantA,
        partner_id: h.partnerId,
        result: 'success',
        status_code: 303,
        ip_address: '198.51.100.10',
        user_agent: UA,
        request_id: res.headers.get('x-request-id'),
        changes: null,
        detail: null,
      },
    ]);
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    for (const secret of [PASSWORD, cookie, code]) expect(await rowsContaining(secret)).toBe(0);
  });

  it('records failed sign-ins, naming the user by id only when the email is theirs, and never the password', async () => {
    const address = '198.51.100.20';
    const browser = browserAt(address);
    const typed = `Typed-${randomUUID()}`;
    const wrong = await submitSignIn(h, browser, EMAIL.plainUser, typed);
    const unknown = await submitSignIn(h, browser, 'no.one@scaikey.test', typed);
    const suspended = await submitSignIn(h, browser, EMAIL.suspended, PASSWORD);
    for (const res of [wrong, unknown, suspended]) expect(res.status).toBe(200);

    const inAcme = { tenantId: h.tenantA, partnerId: h.partnerId };
    expect(await entriesOf(wrong)).toEqual([failure(wrong, address, { id: h.ids.plainUser, email: EMAIL.plainUser, ...inAcme })]);
    expect(await entriesOf(unknown)).toEqual([failure(unknown, address, { id: null, email: 'no.one@scaikey.test' })]);
    // A user who may not sign in is still who the attempt was about.
    expect(await entriesOf(suspended)).toEqual([failure(suspended, address, { id: h.ids.suspended, email: EMAIL.suspended, ...inAcme })]);

    // The search finds what is there, and no column of any entry holds a password.
    expect(await rowsContaining('no.one@scaikey.test')).toBeGreaterThan(0);
    expect(await rowsContaining(typed)).toBe(0);
    expect(await rowsContaining(PASSWORD)).toBe(0);
  });

  it('records a password typed into the email field as no email at all, and an account under its own email', async () => {
    const address = '198.51.100.25';
    const browser = browserAt(address);
    const passwordAsEmail = `Secr3t-${randomUUID()}!`;
    const typo = await submitSignIn(h, browser, passwordAsEmail, 'whatever');
    expect(await entriesOf(typo)).toEqual([{ ...failure(typo, address, { id: null, email: '' }), actor_email: null }]);
    expect(await rowsContaining(passwordAsEmail)).toBe(0);
    // The account's email as stored, not as typed.
    const shouting = await submitSignIn(h, browser, EMAIL.plainUser.toUpperCase(), 'wrong');
    expect((await entriesOf(shouting))[0]).toMatchObject({ actor_id: h.ids.plainUser, actor_email: EMAIL.plainUser });
  });

  it('records the failure that starts a lock, then samples the refusals, saying how many went unrecorded', async () => {
    const address = '198.51.100.30';
    const browser = browserAt(address);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 1; i <= 5; i++) {
      last = await submitSignIn(h, browser, EMAIL.partnerAdmin, `wrong-${i}`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(await entriesOf(last!)).toMatchObject([
      { actor_id: h.ids.partnerAdmin, status_code: 429, result: 'failure', detail: `${SIGN_IN_FAILED}; further attempts are throttled for a while` },
    ]);

    const refused: Response[] = [];
    for (let i = 0; i < 8; i++) refused.push(await submitSignIn(h, browser, EMAIL.partnerAdmin, PASSWORD));
    expect(refused.map((r) => r.status)).toEqual(Array(8).fill(429));
    // Refused before anything is read: the email is what was typed, nobody is named.
    expect(await entriesOf(refused[0]!)).toMatchObject([
      { actor_id: null, actor_email: EMAIL.partnerAdmin, action: 'auth.sign_in_failed', status_code: 429, ip_address: address, detail: THROTTLED },
    ]);
    for (const res of refused.slice(1)) expect(await entriesOf(res)).toEqual([]);

    h.clock.advance(11); // past the log's interval, still inside the minute's lock
    const later = await submitSignIn(h, browser, EMAIL.partnerAdmin, PASSWORD);
    expect(later.status).toBe(429);
    expect(await entriesOf(later)).toMatchObject([{ detail: `${THROTTLED} (and 7 more from this address since the last such entry)` }]);
    expect(await rowsContaining(PASSWORD)).toBe(0);
  });

  it("records one sign-out for the console's sign-out, none for a revocation", async () => {
    const s = await signInForTokens(h, EMAIL.superAdmin, browserAt('198.51.100.40'));
    const sid = decodeJwt(s.idToken).sid as string;

    const revoked = await h.app.request(h.urls.revocation, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: s.refreshToken, client_id: h.clientId }).toString(),
    });
    expect(revoked.status).toBe(200);
    expect(await entriesOf(revoked)).toEqual([]);

    const url = endSessionUrl(h, { id_token_hint: s.idToken, post_logout_redirect_uri: h.postLogoutRedirectUri, client_id: h.clientId });
    const res = await s.browser.get(url);
    expect(res.status).toBe(302);
    expect(await entriesOf(res)).toEqual([
      {
        actor_id: h.ids.superAdmin,
        actor_email: EMAIL.superAdmin,
        action: 'auth.signed_out',
        resource_type: 'session',
        resource_id: sid,
        resource_name: EMAIL.superAdmin,
        tenant_id: null,
        partner_id: null,
        result: 'success',
        status_code: 302,
        ip_address: '198.51.100.40',
        user_agent: UA,
        request_id: res.headers.get('x-request-id'),
        changes: null,
        detail: null,
      },
    ]);
    // Nothing left to end: no second entry.
    expect(await entriesOf(await s.browser.get(url))).toEqual([]);
    const ends = await h.ctx.db.query("SELECT id FROM audit_events WHERE action = 'auth.signed_out' AND resource_id = $1", [sid]);
    expect(ends).toHaveLength(1);
    for (const secret of [s.idToken, s.refreshToken]) expect(await rowsContaining(secret)).toBe(0);
  });

  describe('when an entry cannot be written', () => {
    beforeEach(async () => {
      await h.ctx.db.query(
        `CREATE FUNCTION refuse_audit_entries() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'the audit log is unavailable'; END $$`,
      );
      await h.ctx.db.query('CREATE TRIGGER refuse_audit_entries BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit_entries()');
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
    });
    afterEach(async () => {
      await h.ctx.db.query('DROP TRIGGER refuse_audit_entries ON audit_events');
      await h.ctx.db.query('DROP FUNCTION refuse_audit_entries()');
      vi.restoreAllMocks();
    });

    it('signs nobody in, and the browser gets an error page', async () => {
      const browser = browserAt('198.51.100.50');
      const res = await submitSignIn(h, browser, EMAIL.expiredAdmin, PASSWORD);
      expect(res.status).toBe(500);
      expect(res.headers.get('location')).toBeNull();
      const win = await parsePage(await res.text(), h.urls.authorization);
      expect(within(win.document.body).getByRole('heading', { level: 1 }).textContent).toBe(TEXT.errorTitle);
      expect(win.document.body.textContent).toContain(TEXT.serverError);

      expect(browser.cookies.has('scaikey_session')).toBe(false);
      expect(await isSignedIn(h, browser)).toBe(false);
      const id = h.ids.expiredAdmin;
      expect(await h.ctx.db.query('SELECT id FROM oauth_sessions WHERE user_id = $1', [id])).toEqual([]);
      expect(await h.ctx.db.query('SELECT id FROM oauth_codes WHERE user_id = $1', [id])).toEqual([]);
      expect(await h.ctx.db.query('SELECT last_login_at FROM users WHERE id = $1', [id])).toEqual([{ last_login_at: null }]);
    });

    it('still answers a failed sign-in as usual, and logs no value of the request', async () => {
      const res = await submitSignIn(h, browserAt('198.51.100.51'), EMAIL.expiredAdmin, 'wrong-password-51');
      expect(res.status).toBe(200);
      const win = await parsePage(await res.text(), h.urls.authorization);
      expect(within(win.document.body).getByRole('alert').textContent).toBe(TEXT.invalidCredentials);
      const logged = vi.mocked(console.error).mock.calls.flat().map(String).join('\n');
      expect(logged).toContain('could not record a failed sign-in');
      expect(logged).not.toContain('wrong-password-51');
      expect(logged).not.toContain(EMAIL.expiredAdmin);
    });
  });
});
