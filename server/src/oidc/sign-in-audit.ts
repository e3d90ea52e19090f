import type { Context } from 'hono';
import type { AuditOrigin } from '../audit/audit-events';
import { insertAuditEvent } from '../audit/audit-store';
import { originOf } from '../audit/recorder';
import type { Db } from '../db/db';
import { looksLikeEmail } from '../http/validate';
import type { Provider } from './provider';
import type { Session, SignInAccount } from './store';

/**
 * The sign-in log (scaikey-api.md, "Audit log"): `auth.sign_in_succeeded`, `auth.sign_in_failed`
 * and `auth.signed_out`, each on resource type `session`.
 *
 * - A session that begins or ends is recorded in the transaction that starts or ends it: no
 *   session without its entry. Its resource id is the session id (the ID token's `sid`), its
 *   name the user's email, its actor the user.
 * - A refused sign-in changes nothing, so its entry is written on its own, and if that fails the
 *   answer stands (a log line says the entry is missing). Its actor id is the user the email
 *   belongs to, or null; its actor email the account's, or what was typed if it looks like an
 *   address (actorEmail), else null. The detail never says which: it is the same sentence either way.
 * - Throttled attempts are sampled (refusal-log.ts), so that refusing stays cheap.
 * - The entry's ip_address is the address the provider itself goes by (provider.ts, clientIp).
 *   Nothing from the request but its email, user agent and request id is recorded: never a
 *   password, cookie, code or token.
 */

/** The detail of every checked sign-in that failed, whether or not the email belongs to anyone. */
export const SIGN_IN_FAILED = 'Invalid email or password';
const SIGN_IN_FAILED_NOW_THROTTLED = `${SIGN_IN_FAILED}; further attempts are throttled for a while`;
const THROTTLED = 'Too many failed sign-in attempts: refused without checking the password';

function origin(p: Provider, c: Context, actor: { id: string | null; email: string | null }): AuditOrigin {
  return { ...originOf(c, p.ctx, actor), ipAddress: p.clientIp(c) };
}

/** `auth.sign_in_succeeded` or `auth.signed_out` for `session`, in the transaction `tx` that starts or ends it. */
export async function recordSession(
  tx: Db,
  p: Provider,
  c: Context,
  action: 'auth.sign_in_succeeded' | 'auth.signed_out',
  { session, account, statusCode }: { session: Session; account: SignInAccount | null; statusCode: number },
): Promise<void> {
  await insertAuditEvent(tx, {
    ...origin(p, c, { id: session.user_id, email: account?.email ?? null }),
    occurredAt: p.ctx.now(),
    action,
    resourceType: 'session',
    target: { id: session.id, name: account?.email ?? null, tenantId: account?.tenant_id ?? null, partnerId: account?.partner_id ?? null },
    result: 'success',
    statusCode,
    changes: null,
    detail: null,
  });
}

interface Refused {
  /** As typed (trimmed); recorded only as actorEmail allows. */
  email: string;
  /** The user the email belongs to, if any. */
  account: SignInAccount | null;
  statusCode: number;
  detail: string;
}

/**
 * The email a refused sign-in is recorded under: the account's own when the typed one belongs to
 * one; else what was typed only if it has the shape of an address. People type their password
 * into the email field: that text must not land in the log.
 */
function actorEmail(typed: string, account: SignInAccount | null): string | null {
  if (account) return account.email;
  return looksLikeEmail(typed) ? typed : null;
}

async function recordRefused(p: Provider, c: Context, { email, account, statusCode, detail }: Refused): Promise<void> {
  await insertAuditEvent(p.ctx.db, {
    ...origin(p, c, { id: account?.id ?? null, email: actorEmail(email, account) }),
    occurredAt: p.ctx.now(),
    action: 'auth.sign_in_failed',
    resourceType: 'session',
    target: { id: null, name: null, tenantId: account?.tenant_id ?? null, partnerId: account?.partner_id ?? null },
    result: 'failure',
    statusCode,
    changes: null,
    detail,
  });
}

/** Like answerFailure (routes.ts): the error's class and code, never its message (it may quote the row). */
function logMissing(err: unknown): void {
  const name = err instanceof Error ? err.name : typeof err;
  const code = (err as { code?: unknown } | null)?.code;
  console.error(`[oidc] audit: could not record a failed sign-in: ${name}${typeof code === 'string' ? ` (${code})` : ''}`);
}

/**
 * The status of a checked sign-in that failed: 401, what ScaiKey's API answers a refused
 * sign-in with (the stand-in's page itself answers 200, showing the form again, and the seeded
 * log uses 401 too); 429 when this very failure started a lock, as the page then answers.
 */
const SIGN_IN_FAILED_STATUS = 401;

/** A checked sign-in that failed: wrong password, unknown email, a user who may not sign in. */
export async function recordSignInFailed(
  p: Provider,
  c: Context,
  { email, account, nowThrottled }: { email: string; account: SignInAccount | null; nowThrottled: boolean },
): Promise<void> {
  const detail = nowThrottled ? SIGN_IN_FAILED_NOW_THROTTLED : SIGN_IN_FAILED;
  const statusCode = nowThrottled ? 429 : SIGN_IN_FAILED_STATUS;
  await recordRefused(p, c, { email, account, statusCode, detail }).catch(logMissing);
}

/**
 * A sign-in the throttle refused (429) before anything was checked: recorded when the refusal
 * log picks it, with how many from the same address went unrecorded before it. Its actor id is
 * null: a refusal reads no account (throttle.ts), so it cannot say whose the email is; the
 * failures that started the lock carry it.
 */
export async function recordThrottled(p: Provider, c: Context, email: string): Promise<void> {
  const unrecorded = p.refusalLog.take(p.clientAddress(c), p.ctx.now());
  if (unrecorded === null) return;
  const more = unrecorded > 0 ? ` (and ${unrecorded} more from this address since the last such entry)` : '';
  await recordRefused(p, c, { email, account: null, statusCode: 429, detail: `${THROTTLED}${more}` }).catch(logMissing);
}
