import { hashPassword } from '../auth/password';
import type { Db } from '../db/db';
import { insertAuditSignIns } from './audit-sign-ins';
import { insertRows, type Column } from './bulk-insert';
import { SEED_ACCOUNTS, SEED_PASSWORD } from './fixtures';
import { SIZES } from './entities/context';
import { generateSeed, type SeedData, type SeedSize } from './generate';

export type { SeedSize } from './generate';

export interface SeedOptions {
  size?: SeedSize;
  /** Expiry dates are placed relative to this (expired, future); everything else is fixed. */
  now?: Date;
  /** Wipe every table first, in the same transaction. */
  reset?: boolean;
}

export interface SeedSummary {
  size: SeedSize;
  partners: number;
  tenants: number;
  users: number;
  roles: number;
  adminAccounts: number;
  auditEvents: number;
  ms: number;
}

const PARTNER_COLUMNS: Column[] = [
  ['id', 'text'], ['name', 'text'], ['slug', 'text'], ['status', 'text'], ['contact_email', 'text'], ['max_tenants', 'integer'],
  ['max_users_per_tenant', 'integer'], ['max_applications_per_tenant', 'integer'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
];
const TENANT_COLUMNS: Column[] = [
  ['id', 'text'], ['name', 'text'], ['slug', 'text'], ['status', 'text'], ['contact_email', 'text'], ['partner_id', 'text'],
  ['settings', 'jsonb'], ['branding', 'jsonb'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['deleted_at', 'timestamptz'],
];
const USER_COLUMNS: Column[] = [
  ['id', 'text'], ['email', 'text'], ['first_name', 'text'], ['last_name', 'text'], ['display_name', 'text'], ['status', 'text'],
  ['tenant_id', 'text'], ['password_hash', 'text'], ['last_login_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
];
const ROLE_COLUMNS: Column[] = [
  ['id', 'text'], ['user_id', 'text'], ['role', 'text'], ['partner_id', 'text'], ['tenant_id', 'text'], ['is_active', 'boolean'],
  ['expires_at', 'timestamptz'], ['granted_by', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
];
const ADMIN_ACCOUNT_COLUMNS: Column[] = [['id', 'uuid'], ['user_id', 'text'], ['created_at', 'timestamptz']];
const AUDIT_COLUMNS: Column[] = [
  ['id', 'text'], ['occurred_at', 'timestamptz'], ['actor_id', 'text'], ['actor_email', 'text'], ['action', 'text'], ['resource_type', 'text'],
  ['resource_id', 'text'], ['resource_name', 'text'], ['tenant_id', 'text'], ['partner_id', 'text'], ['result', 'text'], ['status_code', 'integer'],
  ['ip_address', 'text'], ['user_agent', 'text'], ['request_id', 'text'], ['changes', 'jsonb'], ['detail', 'text'],
];
const SEEDED_TABLES = ['partners', 'tenants', 'users', 'admin_roles', 'admin_accounts', 'audit_events'];

/**
 * Runs a bulk load with the tables' secondary indexes dropped, then rebuilds them from their
 * own definitions (pg_get_indexdef, so nothing here repeats the migrations): building a trigram
 * index once is several times faster than updating it row by row. Constraint indexes stay.
 */
async function withIndexesDeferred(db: Db, tables: string[], load: () => Promise<void>): Promise<void> {
  const indexes = await db.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = ANY($1::text[]) AND t.relnamespace = current_schema()::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const index of indexes) await db.exec(`DROP INDEX ${index.name}`);
  await load();
  for (const index of indexes) await db.exec(index.definition);
}

/** Empties every table but the migration log (OIDC tables included), keeping the schema. */
export async function wipe(db: Db): Promise<void> {
  const tables = await db.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'",
  );
  if (tables.length === 0) return;
  await db.exec(`TRUNCATE ${tables.map((t) => `"${t.tablename.replace(/"/g, '""')}"`).join(', ')} CASCADE`);
}

/** True once a seed (or anything else) has put a partner in the database. */
export async function isSeeded(db: Db): Promise<boolean> {
  return (await db.query('SELECT 1 FROM partners LIMIT 1')).length > 0;
}

/**
 * Seeds the standard (or large) data set in one transaction. Only the seeded accounts get a
 * password (SEED_PASSWORD): hashing is deliberately slow. The generated admin accounts (2,000+ in
 * the large seed) hold none, like every generated user, so they cost no hashing at all: they are
 * there to be listed, paged and deleted, and the four seeded ones to sign in.
 */
export async function seed(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const size = options.size ?? 'standard';
  const nowMs = (options.now ?? new Date()).getTime();
  const data: SeedData = generateSeed(size, new Date(nowMs));
  const accountIds = new Set<string>(Object.values(SEED_ACCOUNTS).map((a) => a.id));
  // Each seeded account gets its own salt; the few hashes run off the event loop side by side.
  const hashes = new Map<string, string>(
    await Promise.all([...accountIds].map(async (id) => [id, await hashPassword(SEED_PASSWORD)] as const)),
  );
  const users = data.users.map((u) => ({ ...u, password_hash: hashes.get(u.id) ?? null }));
  const signIns = SIZES[size].auditSignIns;
  await db.transaction(async (tx) => {
    if (options.reset) await wipe(tx);
    await withIndexesDeferred(tx, SEEDED_TABLES, async () => {
      await insertRows(tx, 'partners', PARTNER_COLUMNS, data.partners);
      await insertRows(tx, 'tenants', TENANT_COLUMNS, data.tenants);
      await insertRows(tx, 'users', USER_COLUMNS, users);
      await insertRows(tx, 'admin_roles', ROLE_COLUMNS, data.roles);
      await insertRows(tx, 'admin_accounts', ADMIN_ACCOUNT_COLUMNS, data.adminAccounts);
      // Half a million random ids go into a fresh primary key far faster sorted once than one by one.
      await tx.exec('ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey');
      await insertRows(tx, 'audit_events', AUDIT_COLUMNS, data.audit.entries);
      await insertAuditSignIns(tx, data.audit.signInActors, signIns, nowMs);
      await tx.exec('ALTER TABLE audit_events ADD CONSTRAINT audit_events_pkey PRIMARY KEY (id)');
      // What the log says was changed was last changed then: its "Last changed" agrees with its History.
      for (const [table, type] of [['tenants', 'tenant'], ['admin_roles', 'admin_role']] as const) {
        await tx.exec(
          `UPDATE ${table} r SET updated_at = a.last
             FROM (SELECT resource_id, max(occurred_at) AS last FROM audit_events
                    WHERE resource_type = '${type}' AND result = 'success' GROUP BY resource_id) a
            WHERE r.id = a.resource_id AND a.last > r.updated_at`,
        );
      }
    });
  });
  // Fresh statistics, so the planner picks the trigram indexes right away, and a visibility map,
  // so a list's count(*) is an index-only scan instead of reading every row (PGlite never
  // autovacuums). VACUUM cannot run inside a transaction, hence after it.
  await db.exec(`VACUUM ANALYZE ${SEEDED_TABLES.join(', ')}`);
  return {
    size,
    partners: data.partners.length,
    tenants: data.tenants.length,
    users: data.users.length,
    roles: data.roles.length,
    adminAccounts: data.adminAccounts.length,
    auditEvents: data.audit.entries.length + signIns,
    ms: Math.round(performance.now() - started),
  };
}

/** One line for logs: what is there and how to sign in. */
export function accountsLine(): string {
  const list = Object.values(SEED_ACCOUNTS)
    .map((a) => `${a.email} (${a.purpose})`)
    .join(', ');
  return `Seeded accounts, password ${SEED_PASSWORD}: ${list}`;
}

export function describeSummary(s: SeedSummary): string {
  return `Seeded ${s.size}: ${s.partners} partners, ${s.tenants} tenants, ${s.users} users, ${s.roles} admin roles, ${s.adminAccounts} admin accounts, ${s.auditEvents} audit entries in ${(s.ms / 1000).toFixed(1)} s`;
}
