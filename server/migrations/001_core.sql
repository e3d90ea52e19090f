-- The Admin API's own tables. Soft deletes: deleted_at set, row kept, every read filters it out.
-- Timestamps are timestamptz; the API renders them as ISO 8601 with a Z.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE partners (
  id text PRIMARY KEY,                      -- prt_...
  name text NOT NULL,
  slug text NOT NULL,
  status text NOT NULL DEFAULT 'ACTIVE',
  contact_email text,
  max_tenants integer,
  max_users_per_tenant integer,
  max_applications_per_tenant integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX partners_slug_live ON partners (slug) WHERE deleted_at IS NULL;

CREATE TABLE tenants (
  id text PRIMARY KEY,                      -- tnt_...
  name text NOT NULL,
  slug text NOT NULL,
  status text NOT NULL DEFAULT 'ACTIVE',
  contact_email text,
  partner_id text REFERENCES partners (id),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  branding jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX tenants_slug_live ON tenants (slug) WHERE deleted_at IS NULL;
CREATE INDEX tenants_partner ON tenants (partner_id) WHERE deleted_at IS NULL;
CREATE INDEX tenants_name_order ON tenants (lower(name), id) WHERE deleted_at IS NULL;
-- Substring search over name, slug and contact email stays fast at 100,000 tenants.
CREATE INDEX tenants_search_trgm ON tenants
  USING gin ((lower(name) || ' ' || slug || ' ' || coalesce(lower(contact_email), '')) gin_trgm_ops)
  WHERE deleted_at IS NULL;

CREATE TABLE users (
  id text PRIMARY KEY,                      -- usr_...
  email text NOT NULL,                      -- unique per tenant, not globally
  first_name text,
  last_name text,
  display_name text,
  status text NOT NULL DEFAULT 'ACTIVE',
  tenant_id text REFERENCES tenants (id),
  password_hash text,                       -- scrypt$N$salt$hash; null: cannot sign in
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX users_email_tenant_live ON users (lower(email), tenant_id) WHERE deleted_at IS NULL;
CREATE INDEX users_email ON users (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX users_tenant ON users (tenant_id) WHERE deleted_at IS NULL;
CREATE INDEX users_search_trgm ON users
  USING gin ((lower(email) || ' ' || coalesce(lower(display_name), '') || ' ' || coalesce(lower(first_name), '') || ' ' || coalesce(lower(last_name), '')) gin_trgm_ops)
  WHERE deleted_at IS NULL;

CREATE TABLE admin_roles (
  id text PRIMARY KEY,                      -- adr_...
  user_id text NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('SUPER_ADMIN', 'PARTNER_ADMIN', 'TENANT_ADMIN')),
  partner_id text REFERENCES partners (id),
  tenant_id text REFERENCES tenants (id),
  is_active boolean NOT NULL DEFAULT true,
  expires_at timestamptz,
  granted_by text REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX admin_roles_user ON admin_roles (user_id) WHERE deleted_at IS NULL;
CREATE INDEX admin_roles_created ON admin_roles (created_at DESC, id DESC) WHERE deleted_at IS NULL;
