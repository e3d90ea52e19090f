-- The OIDC provider's state. Every bearer secret (session cookie, authorization code, refresh
-- token) is stored only as its SHA-256 hash (base64url), so a copy of the database signs nobody in.
-- All expiry columns are compared with the application's clock (ctx.now()), never now(), so tests
-- can move time. Expired rows are removed opportunistically by the provider.

-- A pending authorization request while the user is on the sign-in page. The row id travels in a
-- hidden form field; browser_hash binds it to the browser that opened the page (a cookie), which
-- stops login CSRF (an attacker's own pending request cannot be completed in a victim's browser).
CREATE TABLE oauth_login_requests (
  id text PRIMARY KEY,
  browser_hash text NOT NULL,
  client_id text NOT NULL,
  redirect_uri text NOT NULL,
  scope text NOT NULL,
  state text,
  nonce text,
  code_challenge text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX oauth_login_requests_expiry ON oauth_login_requests (expires_at);

-- A browser's sign-in session (cookie scaikey_session). id is public (the id_token's sid);
-- token_hash is the hash of the cookie value.
CREATE TABLE oauth_sessions (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  auth_time timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX oauth_sessions_user ON oauth_sessions (user_id);
CREATE INDEX oauth_sessions_expiry ON oauth_sessions (expires_at);

-- Authorization codes: single use, 60 s. Used codes are kept a while so that a replay can be
-- recognised and the refresh-token family it started revoked (RFC 6749 §4.1.2).
CREATE TABLE oauth_codes (
  id text PRIMARY KEY,                      -- sha256(code)
  client_id text NOT NULL,
  redirect_uri text NOT NULL,
  code_challenge text NOT NULL,             -- S256 only
  nonce text,
  scope text NOT NULL,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  session_id text,                          -- no FK: the session may end before the code is used
  auth_time timestamptz NOT NULL,
  family_id text NOT NULL,                  -- the refresh-token family this code starts
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX oauth_codes_expiry ON oauth_codes (expires_at);

-- Refresh tokens: opaque, single use, rotated on every use. All tokens descending from one
-- authorization code share a family_id; replaying a used token revokes the whole family.
CREATE TABLE oauth_refresh_tokens (
  id text PRIMARY KEY,                      -- sha256(token)
  family_id text NOT NULL,
  client_id text NOT NULL,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  session_id text,                          -- the sign-in session it came from; logout revokes
  scope text NOT NULL,
  auth_time timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX oauth_refresh_tokens_family ON oauth_refresh_tokens (family_id);
CREATE INDEX oauth_refresh_tokens_session ON oauth_refresh_tokens (session_id);
CREATE INDEX oauth_refresh_tokens_expiry ON oauth_refresh_tokens (expires_at);
