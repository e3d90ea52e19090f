-- Admin accounts, served by the Admins API (/api/admins, scaikey-api.md "Admin accounts"): the
-- people who may sign in to admin tools, apart from the roles they hold. Each account is one
-- ScaiKey user (its email, name and password live on the user); the account adds the GUID the
-- Admins API speaks and the moment it was created. Deleting an account removes its row for good
-- and soft-deletes the user, so user_id never points at a live account twice.
CREATE TABLE admin_accounts (
  id uuid PRIMARY KEY,
  user_id text NOT NULL UNIQUE REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- The list's order, newest first with the id as tie-breaker (admin-account-store.ts, NEWEST_FIRST),
-- with user_id carried along: a page's rows are found by an index-only scan, however deep the
-- page, and only those rows are joined to users (never a sort or a scan of them all).
CREATE INDEX admin_accounts_newest ON admin_accounts (created_at DESC, id DESC) INCLUDE (user_id);
