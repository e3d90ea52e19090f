import { HASH_CONCURRENCY, hashPassword, MAX_WAITING, PasswordBusyError, verifyPassword } from '../src/auth/password';
import { PASSWORD, createHarness, openSignIn, type Harness } from './support/oidc-harness';

/**
 * Password hashing never blocks the server (issue 11, item 3): scrypt runs on the thread pool, and
 * an unknown email costs a hash like a known one.
 */

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const signInPage = () => openSignIn(h, h.browser(), { scope: 'openid' });

describe('password hashing', () => {
  it('runs off the event loop: timers fire while a hash is computed', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    try {
      const hash = await hashPassword('Some-Password-1');
      expect(await verifyPassword('Some-Password-1', hash)).toBe(true);
      expect(await verifyPassword('Some-Password-2', hash)).toBe(false);
    } finally {
      clearInterval(timer);
    }
    // scryptSync would have held the loop for the whole time: not one tick.
    expect(ticks).toBeGreaterThan(0);
  });

  it('refuses at once, rather than queueing without end, when too many hashes wait', async () => {
    const hash = await hashPassword('Some-Password-1');
    const total = HASH_CONCURRENCY + MAX_WAITING + 6;
    const settled = await Promise.allSettled(Array.from({ length: total }, (_, i) => verifyPassword(`guess-${i}`, hash)));
    const busy = settled.filter((r) => r.status === 'rejected' && r.reason instanceof PasswordBusyError);
    expect(busy).toHaveLength(6);
    expect(settled.filter((r) => r.status === 'fulfilled' && r.value === false)).toHaveLength(total - 6);
    // And the queue drains: the next check runs.
    expect(await verifyPassword('Some-Password-1', hash)).toBe(true);
  }, 120_000);

  it('refuses what is not one of its hashes without hashing', async () => {
    for (const stored of [null, '', 'bcrypt$x', 'scrypt$16384$salt', 'scrypt$1048576$c2FsdA$aGFzaA', 'scrypt$3$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA']) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });

  it('still spends a hash on an unknown email, so timing does not tell which emails exist', async () => {
    const known = await hashPassword(PASSWORD);
    const time = async (f: () => Promise<unknown>) => {
      const started = performance.now();
      await f();
      return performance.now() - started;
    };
    const { attempt } = await signInPage();
    await attempt('warm-up@scaikey.test', 'x'); // the dummy hash is made once
    const oneHash = Math.min(await time(() => verifyPassword('x', known)), await time(() => verifyPassword('y', known)));
    const unknown = Math.min(
      await time(() => attempt('nobody-1@scaikey.test', 'x')),
      await time(() => attempt('nobody-2@scaikey.test', 'x')),
    );
    expect(unknown).toBeGreaterThan(oneHash * 0.5);
  });
});

