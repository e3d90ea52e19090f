import type { AuditAction, AuditChanges, AuditResourceType, AuditTarget } from '../../audit/audit-events';
import type { Rng } from '../prng';
import { DAY, iso, type SeedContext } from './context';

/**
 * The request side of seeded audit entries: where each admin works from (a few office IPv4s, some
 * an IPv6 too, one or two browsers), when things happen (the 90 days before the seed's `now`), and
 * the row an entry becomes. Shared by the story (audit-events.ts) and the bulk sign-ins
 * (../audit-sign-ins.ts), so a seeded entry reads like one the recorder writes.
 */

/** A row of audit_events, as the seed inserts it (migrations/007_audit_events.sql). */
export interface AuditSeed {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_email: string | null;
  action: AuditAction;
  resource_type: AuditResourceType;
  resource_id: string | null;
  resource_name: string | null;
  tenant_id: string | null;
  partner_id: string | null;
  result: 'success' | 'failure';
  status_code: number;
  ip_address: string | null;
  user_agent: string | null;
  request_id: string | null;
  changes: AuditChanges | null;
  detail: string | null;
}

/** Who acts, and from where: a user's id and email with their offices and browsers. */
export interface AuditActor {
  id: string;
  email: string;
  ips: string[];
  agents: string[];
}

/** How far back the seeded log goes. */
export const AUDIT_WINDOW_DAYS = 90;

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
] as const;

/** Offices sit in the documentation ranges (RFC 5737, RFC 3849): plausible, and nobody's real address. */
const OFFICE_NETS = ['192.0.2', '198.51.100', '203.0.113'] as const;

function origin(rng: Rng): Pick<AuditActor, 'ips' | 'agents'> {
  const ips = Array.from({ length: rng.int(1, 3) }, () => `${rng.pick(OFFICE_NETS)}.${rng.int(2, 254)}`);
  if (rng.chance(0.3)) ips.push(`2001:db8:${rng.int(0x10, 0xfff).toString(16)}::${rng.int(1, 0xffff).toString(16)}`);
  const agents = rng.sample(USER_AGENTS, rng.int(1, 2));
  return { ips: [...new Set(ips)], agents };
}

/** The actors' origins, each made the first time it is asked for (so in a deterministic order). */
export function actorBook(rng: Rng): (user: { id: string; email: string }) => AuditActor {
  const known = new Map<string, AuditActor>();
  return (user) => {
    let actor = known.get(user.id);
    if (!actor) {
      actor = { id: user.id, email: user.email, ...origin(rng) };
      known.set(user.id, actor);
    }
    return actor;
  };
}

/** A version 4 UUID drawn from the seed's stream. */
export function seedUuid(rng: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

/** Instants inside the window [now − 90 days, now). */
export interface AuditClock {
  start: number;
  end: number;
  /** A random instant in [from, to), both clamped to the window. */
  between(from?: number, to?: number): number;
}

export function auditClock(ctx: SeedContext): AuditClock {
  const end = ctx.nowMs;
  const start = end - AUDIT_WINDOW_DAYS * DAY;
  return {
    start,
    end,
    between: (from = start, to = end) => {
      const lo = Math.max(start, from);
      const hi = Math.max(lo + 1, Math.min(end, to));
      return lo + Math.floor(ctx.rng.next() * (hi - lo));
    },
  };
}

/** What one entry is: the rest (ids, origin) is filled in by `entry`. */
export interface EntrySpec {
  at: number;
  actor: AuditActor | null;
  /** The typed email of a failed sign-in with an unknown one. */
  actorEmail?: string;
  action: AuditAction;
  resourceType: AuditResourceType;
  target: AuditTarget;
  statusCode?: number;
  changes?: AuditChanges | null;
  /** Set for a refused request: the result is then failure and the changes null. */
  failure?: string;
  /** Entries of one request share its id, time and origin. */
  requestId?: string;
}

/** Builds a row the way the recorder (audit/recorder.ts) would have written it. */
export function entryMaker(ctx: SeedContext): (spec: EntrySpec) => AuditSeed {
  const { rng } = ctx;
  return (s) => ({
    id: ctx.nextId('aud'),
    occurred_at: iso(s.at),
    actor_id: s.actor?.id ?? null,
    actor_email: s.actor?.email ?? s.actorEmail ?? null,
    action: s.action,
    resource_type: s.resourceType,
    resource_id: s.target.id,
    resource_name: s.target.name,
    tenant_id: s.target.tenantId ?? null,
    partner_id: s.target.partnerId ?? null,
    result: s.failure === undefined ? 'success' : 'failure',
    status_code: s.statusCode ?? 200,
    ip_address: s.actor ? rng.pick(s.actor.ips) : `${rng.pick(OFFICE_NETS)}.${rng.int(2, 254)}`,
    user_agent: rng.pick(s.actor?.agents ?? USER_AGENTS),
    request_id: s.requestId ?? seedUuid(rng),
    changes: s.failure === undefined ? (s.changes ?? null) : null,
    detail: s.failure ?? null,
  });
}
