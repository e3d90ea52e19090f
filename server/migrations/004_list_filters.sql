-- The tenants list filtered by status (a filter of the console's tenants screen): its count is an
-- index-only scan over the matching entries and its first page an index scan in list order,
-- instead of reading all 100,000 rows. Same ORDER BY as listTenants (server/src/routes/tenants).
CREATE INDEX tenants_status_order ON tenants (status, lower(name), id) WHERE deleted_at IS NULL;
