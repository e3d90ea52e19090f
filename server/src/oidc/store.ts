import type { components } from '../../../src/lib/api/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import type { Db } from '../db/db';
import { hashSecret, randomToken } from './secrets';

/** The OIDC provider's database access: 002_oauth.sql's tables and the users it signs in. */

type Q = Pick<Db, 'query'>;

const iso = (d: Date) => d.toISOString();
const plus = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

// ---------------------------------------------------------------- users

/** The user columns the provider puts into tokens and userinfo: the API's User without status and dates. */
export type OidcUser = Pick<
  components['schemas']['User'],
  'id' | 'email' | 'first_name' | 'last_name' | 'display_name' | 'tenant_id'
>;

const USER_COLUMNS = 'id, email, first_name, last_name, display_name, tenant_id';

/**
 * A user who may still hold tokens: not soft-deleted and ACTIVE. The token endpoint, userinfo
 * and the Admin API's auth middleware all ask this, so "may still use a token" has one meaning.
 */
export async function findActiveUser(db: Q, id: string): Promise<OidcUser | null> {
  const rows = await db.query<OidcUser>(
    `SELECT ${USER_COLUMNS} FROM users WHERE id = $1 AND deleted_at IS NULL AND status = 'ACTIVE'`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * Who an audit entry of the sign-in log names: a user's id and email, and where the user belongs
 * (the user's tenant, and that tenant's partner).
 */
export interface SignInAccount {
  id: string;
  email: string;
  tenant_id: string | null;
  partner_id: string | null;
}

/** A user by id, deleted or not (a session may outlive its user's deletion until it is ended). */
export async function findSignInAccountById(db: Q, id: string): Promise<SignInAccount | null> {
  const rows = await db.query<SignInAccount>(
    'SELECT u.id, u.email, u.tenant_id, t.partner_id FROM users u LEFT JOIN tenants t ON t.id = u.tenant_id WHERE u.id = $1',
    [id],
  );
  return rows[0] ?? null;
}

/**
 * What a password check found: the user it opens (null when none), and the account the attempt
 * was about, for the audit log: the user signed in, else the first live user with the email who
 * could sign in, else the first live one at all (a suspended user, say), else null.
 */
export type Authentication = { user: OidcUser; account: SignInAccount } | { user: null; account: SignInAccount | null };

let dummyHash: Promise<string> | undefined;

type Candidate = OidcUser & { partner_id: string | null; password_hash: string | null; status: string };

const accountOf = ({ id, email, tenant_id, partner_id }: Candidate): SignInAccount => ({ id, email, tenant_id, partner_id });

/**
 * Email (case-insensitive) and password → the user, or null. Only live, ACTIVE users with a
 * password can sign in. The same email may exist in several tenants: the account whose password
 * matches wins (oldest first if several do). An email nobody who may sign in has still costs one
 * scrypt (against a hash made once), so response time does not reveal which emails exist. Hashing
 * runs off the event loop (auth/password.ts) and may throw PasswordBusyError.
 */
export async function authenticate(db: Q, email: string, password: string): Promise<Authentication> {
  const rows = await db.query<Candidate>(
    `SELECT u.id, u.email, u.first_name, u.last_name, u.display_name, u.tenant_id, t.partner_id,
            u.password_hash, u.status
       FROM users u LEFT JOIN tenants t ON t.id = u.tenant_id
      WHERE lower(u.email) = lower($1) AND u.deleted_at IS NULL
      ORDER BY u.created_at, u.id`,
    [email],
  );
  const candidates = rows.filter((r): r is Candidate & { password_hash: string } => r.status === 'ACTIVE' && r.password_hash !== null);
  const first = candidates[0] ?? rows[0];
  const account = first ? accountOf(first) : null;
  if (candidates.length === 0) {
    if (!dummyHash) {
      const made = hashPassword(randomToken());
      dummyHash = made;
      made.catch(() => {
        if (dummyHash === made) dummyHash = undefined; // busy: make it next time
      });
    }
    await verifyPassword(password, await dummyHash);
    return { user: null, account };
  }
  for (const row of candidates) {
    if (await verifyPassword(password, row.password_hash)) {
      const { id, email: userEmail, first_name, last_name, display_name, tenant_id } = row;
      return { user: { id, email: userEmail, first_name, last_name, display_name, tenant_id }, account: accountOf(row) };
    }
  }
  return { user: null, account };
}

export async function recordLogin(db: Q, userId: string, now: Date): Promise<void> {
  await db.query('UPDATE users SET last_login_at = $2 WHERE id = $1', [userId, iso(now)]);
}

// ---------------------------------------------------------------- admin roles

/** What a role in force is resolved from: the assignment's id, role and scope. */
type RoleInForce = Pick<components['schemas']['AdminRoleAssignment'], 'id' | 'role' | 'partner_id' | 'tenant_id'>;

/**
 * The user's highest assignment in force at `now` (roles.ts, resolveAdminRole, says what counts):
 * SUPER_ADMIN > PARTNER_ADMIN > TENANT_ADMIN, the oldest among equals.
 */
export async function findRoleInForce(db: Q, userId: string, now: Date): Promise<RoleInForce | null> {
  const rows = await db.query<RoleInForce>(
    `SELECT r.id, r.role, r.partner_id, r.tenant_id
       FROM admin_roles r
       LEFT JOIN partners p ON p.id = r.partner_id
       LEFT JOIN tenants t ON t.id = r.tenant_id
      WHERE r.user_id = $1
        AND r.deleted_at IS NULL
        AND r.is_active
        AND (r.expires_at IS NULL OR r.expires_at > $2)
        AND p.deleted_at IS NULL
        AND t.deleted_at IS NULL
      ORDER BY CASE r.role WHEN 'SUPER_ADMIN' THEN 0 WHEN 'PARTNER_ADMIN' THEN 1 ELSE 2 END,
               r.created_at, r.id
      LIMIT 1`,
    [userId, iso(now)],
  );
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- completed sign-ins

/**
 * Pending sign-ins live in the sign-in page as signed values (login-request.ts), not here. What
 * oauth_login_requests holds now is the sign-ins completed from such a page, until the page
 * would have expired: recording one a second time fails, which makes each page single-use.
 * Only a right password writes a row, so anonymous requests cannot grow the table.
 */
export async function markLoginRequestUsed(
  db: Q,
  input: {
    id: string;
    browserSecret: string;
    clientId: string;
    redirectUri: string;
    scope: string;
    codeChallenge: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO oauth_login_requests
       (id, browser_hash, client_id, redirect_uri, scope, state, nonce, code_challenge, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, NULL, NULL, $6, $7, $8)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      input.id,
      hashSecret(input.browserSecret),
      input.clientId,
      input.redirectUri,
      input.scope,
      input.codeChallenge,
      iso(input.now),
      iso(input.expiresAt),
    ],
  );
  return rows.length === 1;
}

// ---------------------------------------------------------------- sessions

export interface Session {
  id: string;
  user_id: string;
  auth_time: string;
  expires_at: string;
}

/** The live session behind a cookie value, if its user may still sign in. */
export async function findSessionByCookie(db: Q, cookie: string, now: Date): Promise<Session | null> {
  const rows = await db.query<Session>(
    `SELECT s.id, s.user_id, s.auth_time, s.expires_at
       FROM oauth_sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2
        AND u.deleted_at IS NULL AND u.status = 'ACTIVE' AND u.password_hash IS NOT NULL`,
    [hashSecret(cookie), iso(now)],
  );
  return rows[0] ?? null;
}

/** Any session row behind a cookie value, live or not (sign-out ends it either way). */
export async function findSessionRowByCookie(db: Q, cookie: string): Promise<Session | null> {
  const rows = await db.query<Session>(
    'SELECT id, user_id, auth_time, expires_at FROM oauth_sessions WHERE token_hash = $1',
    [hashSecret(cookie)],
  );
  return rows[0] ?? null;
}

export async function findSessionById(db: Q, id: string): Promise<Session | null> {
  const rows = await db.query<Session>(
    'SELECT id, user_id, auth_time, expires_at FROM oauth_sessions WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

/**
 * A fresh sign-in: a new session with a new cookie secret. When the browser already had a
 * session for the same user, that row is kept (same sid, so logout still finds every refresh
 * token of this browser) with a new secret and auth_time; a previous user's session in this
 * browser ends, with its refresh tokens.
 */
export async function startSession(
  db: Q,
  input: { userId: string; previous: Session | null; now: Date; ttl: number },
): Promise<{ session: Session; cookie: string }> {
  const cookie = randomToken();
  const { userId, previous, now, ttl } = input;
  const expires = iso(plus(now, ttl));
  if (previous && previous.user_id === userId) {
    await db.query(
      'UPDATE oauth_sessions SET token_hash = $2, auth_time = $3, expires_at = $4 WHERE id = $1',
      [previous.id, hashSecret(cookie), iso(now), expires],
    );
    return { session: { ...previous, auth_time: iso(now), expires_at: expires }, cookie };
  }
  if (previous) await endSession(db, previous.id, now);
  const id = randomToken(16);
  await db.query(
    `INSERT INTO oauth_sessions (id, token_hash, user_id, auth_time, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $4, $5)`,
    [id, hashSecret(cookie), userId, iso(now), expires],
  );
  return { session: { id, user_id: userId, auth_time: iso(now), expires_at: expires }, cookie };
}

/**
 * Sign-out: the session row goes and every refresh token it produced is revoked. False when the
 * row was already gone (a sign-out that raced this one ended it).
 */
export async function endSession(db: Q, sessionId: string, now: Date): Promise<boolean> {
  await db.query(
    'UPDATE oauth_refresh_tokens SET revoked_at = $2 WHERE session_id = $1 AND revoked_at IS NULL',
    [sessionId, iso(now)],
  );
  const rows = await db.query('DELETE FROM oauth_sessions WHERE id = $1 RETURNING id', [sessionId]);
  return rows.length === 1;
}

// ---------------------------------------------------------------- authorization codes

export interface AuthorizationCode {
  id: string;
  client_id: string;
  redirect_uri: string;
  code_challenge: string;
  nonce: string | null;
  scope: string;
  user_id: string;
  session_id: string | null;
  auth_time: string;
  family_id: string;
  expires_at: string;
  used_at: string | null;
}

export async function createCode(
  db: Q,
  input: {
    clientId: string;
    redirectUri: string;
    codeChallenge: string;
    nonce: string | null;
    scope: string;
    userId: string;
    sessionId: string | null;
    authTime: string;
    now: Date;
    ttl: number;
  },
): Promise<string> {
  const code = randomToken();
  await db.query(
    `INSERT INTO oauth_codes (id, client_id, redirect_uri, code_challenge, nonce, scope, user_id,
                              session_id, auth_time, family_id, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      hashSecret(code),
      input.clientId,
      input.redirectUri,
      input.codeChallenge,
      input.nonce,
      input.scope,
      input.userId,
      input.sessionId,
      input.authTime,
      randomToken(16),
      iso(input.now),
      iso(plus(input.now, input.ttl)),
    ],
  );
  return code;
}

export async function findCode(db: Q, code: string): Promise<AuthorizationCode | null> {
  const rows = await db.query<AuthorizationCode>(
    `SELECT id, client_id, redirect_uri, code_challenge, nonce, scope, user_id, session_id,
            auth_time, family_id, expires_at, used_at
       FROM oauth_codes WHERE id = $1`,
    [hashSecret(code)],
  );
  return rows[0] ?? null;
}

/** Marks the code used; false when someone got there first. */
export async function consumeCode(db: Q, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    'UPDATE oauth_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id',
    [id, iso(now)],
  );
  return rows.length === 1;
}

// ---------------------------------------------------------------- refresh tokens

export interface RefreshToken {
  id: string;
  family_id: string;
  client_id: string;
  user_id: string;
  session_id: string | null;
  scope: string;
  auth_time: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export async function createRefreshToken(
  db: Q,
  input: {
    familyId: string;
    clientId: string;
    userId: string;
    sessionId: string | null;
    scope: string;
    authTime: string;
    now: Date;
    ttl: number;
  },
): Promise<string> {
  const token = randomToken();
  await db.query(
    `INSERT INTO oauth_refresh_tokens (id, family_id, client_id, user_id, session_id, scope,
                                       auth_time, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      hashSecret(token),
      input.familyId,
      input.clientId,
      input.userId,
      input.sessionId,
      input.scope,
      input.authTime,
      iso(input.now),
      iso(plus(input.now, input.ttl)),
    ],
  );
  return token;
}

export async function findRefreshToken(db: Q, token: string): Promise<RefreshToken | null> {
  const rows = await db.query<RefreshToken>(
    `SELECT id, family_id, client_id, user_id, session_id, scope, auth_time, expires_at, used_at,
            revoked_at
       FROM oauth_refresh_tokens WHERE id = $1`,
    [hashSecret(token)],
  );
  return rows[0] ?? null;
}

/** Marks the token used (rotated); false when it was used or revoked meanwhile. */
export async function consumeRefreshToken(db: Q, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE oauth_refresh_tokens SET used_at = $2
      WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL RETURNING id`,
    [id, iso(now)],
  );
  return rows.length === 1;
}

export async function revokeFamily(db: Q, familyId: string, now: Date): Promise<void> {
  await db.query(
    'UPDATE oauth_refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL',
    [familyId, iso(now)],
  );
}

// ---------------------------------------------------------------- housekeeping

/** How long used codes are remembered after expiry, to recognise a replay. */
const CODE_MEMORY_SECONDS = 24 * 3600;

/** Deletes what can no longer be used (or recognised). Cheap; callers throttle it. */
export async function deleteExpired(db: Q, now: Date): Promise<void> {
  await db.query('DELETE FROM oauth_login_requests WHERE expires_at <= $1', [iso(now)]);
  await db.query('DELETE FROM oauth_sessions WHERE expires_at <= $1', [iso(now)]);
  await db.query('DELETE FROM oauth_codes WHERE expires_at <= $1', [
    iso(plus(now, -CODE_MEMORY_SECONDS)),
  ]);
  await db.query('DELETE FROM oauth_refresh_tokens WHERE expires_at <= $1', [iso(now)]);
}
