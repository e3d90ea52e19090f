import type { Db } from '../../src/db/db';

/**
 * Seeded users a test may give roles to: live, ACTIVE, holding no admin role. Handed out one at a
 * time (each at most once per file), read in batches of `batch` when the last batch runs out.
 */
export function spareUsers(db: () => Db, batch = 200): () => Promise<string> {
  let spare: string[] = [];
  let after = '';
  return async () => {
    if (spare.length === 0) {
      spare = (
        await db().query<{ id: string }>(
          `SELECT id FROM users u WHERE deleted_at IS NULL AND status = 'ACTIVE' AND id > $1
             AND NOT EXISTS (SELECT 1 FROM admin_roles r WHERE r.user_id = u.id) ORDER BY id LIMIT $2`,
          [after, batch],
        )
      ).map((r) => r.id);
      after = spare.at(-1) ?? after;
    }
    const id = spare.shift();
    if (!id) throw new Error('no spare users left');
    return id;
  };
}

/**
 * Admins the orphan cleanup of DELETE /admin-roles would remove: never signed in, one live
 * assignment, and the same email on another live user (a duplicate admin user).
 */
export function duplicateAdmins(db: Db): Promise<{ user_id: string; role_id: string; email: string }[]> {
  return db.query(
    `SELECT u.id AS user_id, r.id AS role_id, u.email FROM users u JOIN admin_roles r ON r.user_id = u.id AND r.deleted_at IS NULL
      WHERE u.deleted_at IS NULL AND u.last_login_at IS NULL
        AND (SELECT count(*) FROM users o WHERE lower(o.email) = lower(u.email) AND o.deleted_at IS NULL) > 1
        AND (SELECT count(*) FROM admin_roles x WHERE x.user_id = u.id AND x.deleted_at IS NULL) = 1
      ORDER BY u.id`,
  );
}
