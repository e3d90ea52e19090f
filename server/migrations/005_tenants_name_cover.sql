-- The tenants list's order with the name itself included, so finding a deep page's ids
-- (server/src/routes/shared/sql.ts, DEEP_OFFSET) is an index-only scan: PostgreSQL answers
-- ORDER BY lower(name) from the index alone only when `name` is in it. Replaces tenants_name_order.
CREATE INDEX tenants_name_cover ON tenants (lower(name), id) INCLUDE (name) WHERE deleted_at IS NULL;
DROP INDEX tenants_name_order;
