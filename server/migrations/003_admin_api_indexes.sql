-- The Admin API's user picker lists users by display name (or email when there is none):
-- the same expression as the ORDER BY in server/src/routes/users.ts, so a page is an index scan.
CREATE INDEX users_name_order ON users (lower(coalesce(display_name, email)), id) WHERE deleted_at IS NULL;
