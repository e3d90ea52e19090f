import { within } from '@testing-library/dom';
import { Hono } from 'hono';
import { createOidcRoutes } from '../src/oidc/routes';
import { addressKey, FailureCounter, SignInThrottle } from '../src/oidc/throttle';
import { axeViolations, parsePage } from './support/oidc-dom';
import { Browser, EMAIL, PASSWORD, createHarness, openSignIn, submitSignIn, type Harness } from './support/oidc-harness';

/**
 * Sign-in cannot be used to guess passwords or to stall the server (issue 11, item 3): password
 * hashing runs off the event loop, and failed attempts are throttled per account and per client
 * address, with the sign-in page saying when to try again.
 */

let h: Harness;
/** A fresh throttle for each test, so each starts with clean counts; the provider sees this one. */
let throttle: SignInThrottle;
const currentThrottle = new Proxy({} as SignInThrottle, {
  get: (_target, name) => {
    const value = Reflect.get(throttle, name) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(throttle) : value;
  },
});

beforeAll(async () => {
  h = await createHarness({
    // app.request has no socket: each test browser says which address it stands for.
    clientAddress: (c) => c.req.header('x-test-client'),
    throttle: currentThrottle,
    // Refusals answer at once here; the delay they get by default has a test of its own.
    refusalDelayMs: 0,
  });
});
beforeEach(() => {
  throttle = new SignInThrottle();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  h.clock.reset();
  vi.restoreAllMocks();
});

/** A browser at `address` with a sign-in page open; `attempt` posts its form. */
async function signInPage(address: string) {
  const browser = h.browser({ 'x-test-client': address });
  return { browser, ...(await openSignIn(h, browser, { scope: 'openid' })) };
}

async function alertOf(res: Response, url: string): Promise<string | null> {
  const win = await parsePage(await res.text(), url);
  return within(win.document.body).queryByRole('alert')?.textContent ?? null;
}

describe('per account', () => {
  it('refuses the right password after 5 wrong ones, saying when to try again, with 429 and Retry-After', async () => {
    const { browser, attempt, action } = await signInPage('192.0.2.1');
    for (let i = 1; i <= 4; i++) {
      const res = await attempt(EMAIL.superAdmin, `wrong-${i}`);
      expect(res.status).toBe(200);
      expect(await alertOf(res, action)).toBe('Invalid email or password.');
    }
    const fifth = await attempt(EMAIL.superAdmin, 'wrong-5');
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('60');

    const right = await attempt(EMAIL.superAdmin, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers.get('location')).toBeNull();
    expect(browser.cookies.has('scaikey_session')).toBe(false);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(right.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    const win = await parsePage(await right.text(), action);
    const page = within(win.document.body);
    expect(page.getByRole('alert').textContent).toBe('Too many failed sign-in attempts. Try again in 1 minute.');
    // The form is still there, with the email kept, for when the wait is over.
    expect((page.getByRole('textbox', { name: 'Email' }) as HTMLInputElement).value).toBe(EMAIL.superAdmin);
    page.getByRole('button', { name: 'Sign in' });
    expect(await axeViolations(win)).toEqual([]);
  });

  it('refuses without reading the account or hashing a password', async () => {
    const { attempt } = await signInPage('192.0.2.2');
    for (let i = 0; i < 5; i++) await attempt(EMAIL.tenantAdmin, 'wrong');
    const query = vi.spyOn(h.ctx.db, 'query');
    for (let i = 0; i < 20; i++) expect((await attempt(EMAIL.tenantAdmin, PASSWORD)).status).toBe(429);
    expect(query.mock.calls.filter(([sql]) => /\busers\b/.test(String(sql)))).toEqual([]);
  });

  it('locks nobody else: other accounts from the same address, the same account from another address', async () => {
    const attacker = await signInPage('192.0.2.3');
    for (let i = 0; i < 5; i++) await attacker.attempt(EMAIL.superAdmin, 'wrong');
    expect((await attacker.attempt(EMAIL.superAdmin, PASSWORD)).status).toBe(429);

    expect((await attacker.attempt(EMAIL.partnerAdmin, PASSWORD)).status).toBe(303);
    const owner = await signInPage('198.51.100.7');
    expect((await owner.attempt(EMAIL.superAdmin, PASSWORD)).status).toBe(303);
  });

  it('lets the account in once the lock ends, and a success starts the count again', async () => {
    const { attempt } = await signInPage('192.0.2.4');
    for (let i = 0; i < 5; i++) await attempt(EMAIL.expiredAdmin, 'wrong');
    h.clock.advance(61);
    const { attempt: again } = await signInPage('192.0.2.4');
    expect((await again(EMAIL.expiredAdmin, PASSWORD)).status).toBe(303);

    const { attempt: later } = await signInPage('192.0.2.4');
    for (let i = 0; i < 4; i++) expect((await later(EMAIL.expiredAdmin, 'wrong')).status).toBe(200);
  });

  it('doubles the lock with each failure after one, up to 15 minutes', async () => {
    const { attempt } = await signInPage('192.0.2.5');
    for (let i = 0; i < 5; i++) await attempt(EMAIL.plainUser, 'wrong');
    const waits: string[] = [];
    for (let i = 0; i < 6; i++) {
      h.clock.advance(Number((await attempt(EMAIL.plainUser, PASSWORD)).headers.get('retry-after')));
      // A fresh page each time: one stays open 30 minutes at most.
      const res = await (await signInPage('192.0.2.5')).attempt(EMAIL.plainUser, 'wrong');
      expect(res.status).toBe(429);
      waits.push(`${res.headers.get('retry-after')}: ${await alertOf(res, h.urls.authorization)}`);
    }
    expect(waits).toEqual([
      '120: Too many failed sign-in attempts. Try again in 2 minutes.',
      '240: Too many failed sign-in attempts. Try again in 4 minutes.',
      '480: Too many failed sign-in attempts. Try again in 8 minutes.',
      '900: Too many failed sign-in attempts. Try again in 15 minutes.',
      '900: Too many failed sign-in attempts. Try again in 15 minutes.',
      '900: Too many failed sign-in attempts. Try again in 15 minutes.',
    ]);
  });

  it('forgets failures once their 15-minute window has passed', async () => {
    const { attempt } = await signInPage('192.0.2.6');
    for (let i = 0; i < 4; i++) await attempt(EMAIL.dup, 'wrong');
    h.clock.advance(15 * 60 + 1);
    const { attempt: later } = await signInPage('192.0.2.6');
    for (let i = 0; i < 4; i++) expect((await later(EMAIL.dup, 'wrong')).status).toBe(200);
  });

  it('counts an unknown email like a known one (the throttle tells nothing about which exist)', async () => {
    const { attempt } = await signInPage('192.0.2.7');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt('nobody@scaikey.test', 'wrong')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('checks at most 5 of many parallel attempts, and then refuses the right password', async () => {
    const { attempt } = await signInPage('192.0.2.8');
    const query = vi.spyOn(h.ctx.db, 'query');
    const statuses = await Promise.all(Array.from({ length: 12 }, () => attempt(EMAIL.tenantAdmin, 'wrong')).map(async (r) => (await r).status));
    const checked = query.mock.calls.filter(([sql]) => /FROM users/.test(String(sql))).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
    expect((await attempt(EMAIL.tenantAdmin, PASSWORD)).status).toBe(429);
  });

  it('locks an account for every address once several addresses fail it, briefly', async () => {
    for (const address of ['203.0.113.1', '203.0.113.2']) {
      const { attempt } = await signInPage(address);
      for (let i = 0; i < 5; i++) await attempt(EMAIL.partnerAdmin, 'wrong');
    }
    const owner = await signInPage('198.51.100.8');
    const refused = await owner.attempt(EMAIL.partnerAdmin, PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await owner.attempt(EMAIL.tenantAdmin, PASSWORD)).status).toBe(303);
    h.clock.advance(61);
    const { attempt } = await signInPage('198.51.100.8');
    expect((await attempt(EMAIL.partnerAdmin, PASSWORD)).status).toBe(303);
  });

  it('never lets one address alone lock the owner out elsewhere, however long it keeps guessing', async () => {
    const owner = '198.51.100.9';
    let checked = 0;
    for (let minute = 0; minute < 120; minute++) {
      // As many guesses as the throttle takes, every minute, for two hours.
      const { attempt } = await signInPage('203.0.113.9');
      for (let i = 0; i < 6; i++) if ((await attempt(EMAIL.superAdmin, 'wrong')).status === 200) checked += 1;
      // The owner, elsewhere, is never kept waiting (asked without signing in, which would reset the count).
      expect(throttle.wait(EMAIL.superAdmin, owner, h.clock.now())).toBe(0);
      h.clock.advance(60);
    }
    expect(checked).toBeLessThan(4 + 12); // 4 before the first lock, then about one per 15 minutes
    const { attempt } = await signInPage(owner);
    expect((await attempt(EMAIL.superAdmin, PASSWORD)).status).toBe(303);
  });
});

describe('refusals', () => {
  it('are answered after a pause by default, so a client retrying at once is slowed, not the server', async () => {
    const app = new Hono();
    app.route('/api/v1/platform', createOidcRoutes(h.ctx, { throttle: new SignInThrottle() }));
    const browser = new Browser(app);
    const page = await openSignIn(h, browser, { scope: 'openid' });
    const attempt = () => page.attempt('paced@scaikey.test', 'wrong');
    for (let i = 0; i < 4; i++) await attempt();
    const started = performance.now();
    expect((await attempt()).status).toBe(429); // the fifth failure
    expect((await attempt()).status).toBe(429); // refused before any check
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * 990);
  });
});

describe('per client address', () => {
  it('refuses an address after 20 failures within 15 minutes, for every account, and nobody else', async () => {
    const { attempt } = await signInPage('192.0.2.20');
    for (let i = 0; i < 19; i++) expect((await attempt(`guess-${i}@scaikey.test`, 'wrong')).status).toBe(200);
    const twentieth = await attempt('guess-19@scaikey.test', 'wrong');
    expect(twentieth.status).toBe(429);
    expect(twentieth.headers.get('retry-after')).toBe('300');
    expect(await alertOf(twentieth, h.urls.authorization)).toBe('Too many failed sign-in attempts. Try again in 5 minutes.');
    expect((await attempt(EMAIL.superAdmin, PASSWORD)).status).toBe(429);

    const elsewhere = await signInPage('192.0.2.21');
    expect((await elsewhere.attempt(EMAIL.superAdmin, PASSWORD)).status).toBe(303);

    h.clock.advance(5 * 60 + 1);
    const { attempt: later } = await signInPage('192.0.2.20');
    expect((await later(EMAIL.superAdmin, PASSWORD)).status).toBe(303);
  });

  it('is not reset by a successful sign-in from the address', async () => {
    const { attempt } = await signInPage('192.0.2.22');
    for (let i = 0; i < 19; i++) await attempt(`spray-${i}@scaikey.test`, 'wrong');
    const { attempt: own } = await signInPage('192.0.2.22');
    expect((await own(EMAIL.plainUser, PASSWORD)).status).toBe(303);
    const { attempt: next } = await signInPage('192.0.2.22');
    expect((await next('spray-19@scaikey.test', 'wrong')).status).toBe(429);
  });

  it('ignores X-Forwarded-For unless told to trust it', async () => {
    const build = (trustForwardedFor: boolean) => {
      const app = new Hono();
      app.route('/api/v1/platform', createOidcRoutes(h.ctx, { trustForwardedFor, throttle: new SignInThrottle(), refusalDelayMs: 0 }));
      return app;
    };
    const tryFrom = async (app: Hono, forwardedFor: string) => {
      const browser = new Browser(app, { 'x-forwarded-for': forwardedFor });
      return (await submitSignIn(h, browser, EMAIL.superAdmin, 'wrong', { scope: 'openid' })).status;
    };
    const untrusting = build(false);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await tryFrom(untrusting, `10.0.0.${i}`));
    // Claimed addresses change nothing: one client, locked after 5.
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);

    const trusting = build(true);
    const trusted = [];
    for (let i = 0; i < 6; i++) trusted.push(await tryFrom(trusting, `172.16.0.1, 10.0.0.${i}`));
    expect(trusted).toEqual([200, 200, 200, 200, 200, 200]);
  });
});

describe('the throttle state', () => {
  it('stays within its bound, dropping expired entries first, then the longest quiet', () => {
    const counter = new FailureCounter({ maxFailures: 3, windowMs: 60_000, baseLockMs: 60_000, maxLockMs: 60_000 }, 100);
    for (let i = 0; i < 10_000; i++) {
      counter.begin(`k${i}`, i);
      counter.fail(`k${i}`, i);
      expect(counter.size).toBeLessThanOrEqual(100);
    }
    // Locked, and the most recent to fail: kept while quieter keys make room for new ones.
    for (let i = 0; i < 3; i++) counter.fail('hot', 10_000);
    for (let i = 0; i < 50; i++) counter.fail(`new${i}`, 10_001);
    expect(counter.size).toBeLessThanOrEqual(100);
    expect(counter.wait('hot', 10_002)).toBeGreaterThan(0);
    expect(counter.wait('k0', 10_002)).toBe(0);
  });

  it('forgets an account once its window has passed', () => {
    const counter = new FailureCounter({ maxFailures: 2, windowMs: 1000, baseLockMs: 500, maxLockMs: 500 });
    counter.fail('a', 0);
    counter.fail('a', 10);
    expect(counter.wait('a', 20)).toBe(490);
    expect(counter.size).toBe(1);
    expect(counter.wait('a', 1600)).toBe(0);
    expect(counter.size).toBe(0);
  });

  it('keys IPv6 clients by their /64 and IPv4-mapped ones as IPv4', () => {
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:DB8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
