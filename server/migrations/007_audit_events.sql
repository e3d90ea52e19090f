-- The audit log (scaikey-api.md, "Audit log"): one row per write through the Admin API and the
-- Admins API (refused attempts included) and per sign-in, failed sign-in and sign-out. A change
-- and its row are written in one transaction (server/src/audit/recorder.ts). Rows are never
-- updated or deleted by the API. Ids, names and emails are copied, not referenced: an entry
-- outlives the tenant, user or account it names, and keeps the name it had at that moment.
CREATE TABLE audit_events (
  id text PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_id text,
  actor_email text,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  resource_name text,
  tenant_id text,
  partner_id text,
  result text NOT NULL CHECK (result IN ('success', 'failure')),
  status_code integer NOT NULL,
  ip_address text,
  user_agent text,
  request_id text,
  changes jsonb,
  detail text
);

-- Newest first, with the id as tie-breaker (audit-store.ts, NEWEST_FIRST). The unfiltered list and
-- a time range walk this index; each filter the log screen and the History panels use most has
-- its own, ordered the same way, so a page is an index range read, never a sort of every match.
CREATE INDEX audit_events_newest ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_resource ON audit_events (resource_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_actor ON audit_events (actor_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_actor_email ON audit_events (lower(actor_email), occurred_at DESC, id DESC);
CREATE INDEX audit_events_tenant ON audit_events (tenant_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_partner ON audit_events (partner_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_action ON audit_events (action, occurred_at DESC, id DESC);
CREATE INDEX audit_events_resource_type ON audit_events (resource_type, occurred_at DESC, id DESC);
CREATE INDEX audit_events_failures ON audit_events (occurred_at DESC, id DESC) WHERE result = 'failure';
CREATE INDEX audit_events_ip ON audit_events (ip_address, occurred_at DESC, id DESC);
