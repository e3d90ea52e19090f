import type { Db } from '../db/db';
import { insertRows, type Column } from './bulk-insert';
import type { SignInActor } from './entities/audit-events';
import { AUDIT_WINDOW_DAYS } from './entities/audit-origins';
import { DAY, iso } from './entities/context';

/**
 * The bulk of the seeded audit log: sign-ins, sign-outs and failed sign-ins, written by one
 * INSERT ... SELECT over generate_series, so half a million rows take seconds, not a minute of
 * JSON. (The OFFSET 0s keep the planner from inlining the subqueries, which would compute each
 * md5 once per use instead of once per row: 40 s instead of 8 for the large seed.) Every choice of row n comes from md5s of n (deterministic on either engine): who (a slot
 * of the actors' table, each actor holding as many slots as its weight), when (uniform over the
 * window), what, from which of the actor's offices and browsers. The entries read as the OIDC
 * provider writes them (oidc/sign-in-audit.ts): a session's id and the user's email on success,
 * the typed email and no resource on failure, the tenant and partner of the user when known.
 *
 *   78% auth.sign_in_succeeded (303) · 12% auth.signed_out (303)
 *    7% auth.sign_in_failed, a known user's wrong password (401) · 3% the same, a mistyped email
 */
const SLOT_COLUMNS: Column[] = [
  ['slot', 'integer'], ['user_id', 'text'], ['email', 'text'], ['typo', 'text'], ['tenant_id', 'text'], ['partner_id', 'text'],
  ['ips', 'jsonb'], ['agents', 'jsonb'],
];

const DETAIL = 'Invalid email or password';

/** An unsigned integer from hex digits [from, from + 8) of md5 text `h`. */
const bits = (h: string, from: number) => `('x' || substr(${h}, ${from}, 8))::bit(32)::bigint`;

const SIGN_INS_SQL = `
INSERT INTO audit_events (id, occurred_at, actor_id, actor_email, action, resource_type, resource_id, resource_name,
                          tenant_id, partner_id, result, status_code, ip_address, user_agent, request_id, changes, detail)
SELECT 'aud_' || substr(a, 1, 20),
       $2::timestamptz - make_interval(secs => (${bits('b', 1)} % $3::bigint + (${bits('b', 25)} % 1000 + 1) / 1000.0)::float8),
       CASE WHEN kind = 'typo' THEN NULL ELSE s.user_id END,
       CASE WHEN kind = 'typo' THEN s.typo ELSE s.email END,
       CASE kind WHEN 'in' THEN 'auth.sign_in_succeeded' WHEN 'out' THEN 'auth.signed_out' ELSE 'auth.sign_in_failed' END,
       'session',
       CASE WHEN kind IN ('in', 'out') THEN rtrim(translate(encode(decode(c, 'hex'), 'base64'), '+/', '-_'), '=') END,
       CASE WHEN kind IN ('in', 'out') THEN s.email END,
       CASE WHEN kind = 'typo' THEN NULL ELSE s.tenant_id END,
       CASE WHEN kind = 'typo' THEN NULL ELSE s.partner_id END,
       CASE WHEN kind IN ('in', 'out') THEN 'success' ELSE 'failure' END,
       CASE WHEN kind IN ('in', 'out') THEN 303 ELSE 401 END,
       s.ips ->> (${bits('b', 9)} % jsonb_array_length(s.ips))::int,
       s.agents ->> (${bits('b', 17)} % jsonb_array_length(s.agents))::int,
       substr(c, 1, 8) || '-' || substr(c, 9, 4) || '-4' || substr(c, 14, 3) || '-' || substr('89ab', (${bits('d', 9)} % 4)::int + 1, 1)
         || substr(c, 18, 3) || '-' || substr(c, 21, 12),
       NULL,
       CASE WHEN kind IN ('in', 'out') THEN NULL ELSE '${DETAIL}' END
  FROM (SELECT a, b, c, d,
               CASE WHEN ${bits('a', 21)} % 100 < 78 THEN 'in' WHEN ${bits('a', 21)} % 100 < 90 THEN 'out'
                    WHEN ${bits('a', 21)} % 100 < 97 THEN 'wrong' ELSE 'typo' END AS kind
          FROM (SELECT md5('sign-in ' || n) AS a, md5('when ' || n) AS b, md5('request ' || n) AS c, md5('who ' || n) AS d
                  FROM generate_series(1, $1::int) AS n
                OFFSET 0) AS h
        OFFSET 0) AS e
  JOIN seed_sign_in_slots s ON s.slot = ${bits('e.d', 1)} % $4::bigint`;

/** Writes `count` sign-in entries for `actors` over the 90 days before `nowMs` (in the caller's transaction). */
export async function insertAuditSignIns(db: Db, actors: readonly SignInActor[], count: number, nowMs: number): Promise<void> {
  if (count === 0 || actors.length === 0) return;
  const slots: object[] = [];
  for (const a of actors) {
    for (let w = 0; w < a.weight; w++) {
      slots.push({ slot: slots.length, user_id: a.id, email: a.email, typo: a.typo, tenant_id: a.tenant_id, partner_id: a.partner_id, ips: a.ips, agents: a.agents });
    }
  }
  await db.exec('CREATE TEMP TABLE seed_sign_in_slots (slot integer PRIMARY KEY, user_id text, email text, typo text, tenant_id text, partner_id text, ips jsonb, agents jsonb) ON COMMIT DROP');
  await insertRows(db, 'seed_sign_in_slots', SLOT_COLUMNS, slots);
  await db.query(SIGN_INS_SQL, [count, iso(nowMs), (AUDIT_WINDOW_DAYS * DAY) / 1000, slots.length]);
  await db.exec('DROP TABLE seed_sign_in_slots');
}
