-- Issue 18: the tenants list filtered by security settings (?mfa_required=, ?password_min_length_lt=,
-- ?session_timeout_gt=, ...) and GET /tenants/security-summary, fast at 100,000 tenants.
--
-- The settings live in the JSON; these generated columns hold what the filters and the summary
-- read, with a key that is missing (or not of its type) counted as the contract's default
-- (openapi/scaikey-admin.yaml TenantSettings, src/lib/api/settings-rules.ts): MFA not required,
-- methods ["totp"], minimum length 8, no password expiry, a session timeout of 480 minutes.
-- Numbers are floored, so a (never valid) fraction falls in exactly one band of the summary and
-- the filters' integer bounds agree with it.
-- server/test/tenant-security.test.ts checks these defaults against SETTINGS_RULES. Columns (not
-- expression indexes) because PostgreSQL answers a count from an index alone only for plain
-- columns: the summary is one index-only scan of tenants_security instead of reading every row.
ALTER TABLE tenants
  ADD COLUMN security_mfa_required boolean GENERATED ALWAYS AS (
    CASE WHEN jsonb_typeof(settings -> 'mfa_required') = 'boolean' THEN (settings ->> 'mfa_required')::boolean ELSE false END
  ) STORED,
  -- A bit per method: 1 totp, 2 sms, 4 email, 8 webauthn (tenant-store.ts, MFA_METHOD_BITS).
  ADD COLUMN security_mfa_methods integer GENERATED ALWAYS AS (
    CASE WHEN jsonb_typeof(settings -> 'mfa_methods') = 'array' THEN
        (CASE WHEN settings -> 'mfa_methods' ? 'totp' THEN 1 ELSE 0 END)
      | (CASE WHEN settings -> 'mfa_methods' ? 'sms' THEN 2 ELSE 0 END)
      | (CASE WHEN settings -> 'mfa_methods' ? 'email' THEN 4 ELSE 0 END)
      | (CASE WHEN settings -> 'mfa_methods' ? 'webauthn' THEN 8 ELSE 0 END)
    ELSE 1 END
  ) STORED,
  ADD COLUMN security_min_length numeric GENERATED ALWAYS AS (
    CASE WHEN jsonb_typeof(settings #> '{password_policy,min_length}') = 'number'
      THEN floor((settings #>> '{password_policy,min_length}')::numeric) ELSE 8 END
  ) STORED,
  ADD COLUMN security_password_expires boolean GENERATED ALWAYS AS (
    jsonb_typeof(settings #> '{password_policy,max_age_days}') IS NOT DISTINCT FROM 'number'
  ) STORED,
  ADD COLUMN security_session_timeout numeric GENERATED ALWAYS AS (
    CASE WHEN jsonb_typeof(settings -> 'session_timeout') = 'number'
      THEN floor((settings ->> 'session_timeout')::numeric) ELSE 480 END
  ) STORED;

-- The summary (every count in one index-only scan) and ?mfa_required= (its leading column).
CREATE INDEX tenants_security ON tenants
  (security_mfa_required, security_min_length, security_session_timeout, security_password_expires, security_mfa_methods)
  WHERE deleted_at IS NULL;
-- ?password_min_length_lt= / _gt= and ?session_timeout_gt= / _lt=: a range of one index each.
CREATE INDEX tenants_security_min_length ON tenants (security_min_length) WHERE deleted_at IS NULL;
CREATE INDEX tenants_security_session_timeout ON tenants (security_session_timeout) WHERE deleted_at IS NULL;
