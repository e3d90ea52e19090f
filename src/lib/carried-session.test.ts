import { User } from 'oidc-client-ts';
import {
  CARRIED_SESSION_KEY,
  CARRY_MIN_REMAINING_S,
  carrySession,
  documentForbidsForeignScripts,
  readCarriedSession,
} from './carried-session';

const client = { issuer: 'http://api.test/api/v1/platform/oauth', clientId: 'scaikey-admin-console' };
const nowS = () => Math.floor(Date.now() / 1000);

function withCsp(content: string, { where = document.head }: { where?: HTMLElement } = {}) {
  const meta = document.createElement('meta');
  meta.setAttribute('http-equiv', 'Content-Security-Policy');
  meta.setAttribute('content', content);
  where.append(meta);
  return meta;
}

const user = (overrides: Partial<ConstructorParameters<typeof User>[0]> = {}) =>
  new User({
    access_token: 'secret-access',
    refresh_token: 'secret-refresh',
    id_token: 'id-token',
    token_type: 'Bearer',
    scope: 'openid',
    expires_at: nowS() + 3600,
    profile: { sub: 'usr_1', iss: client.issuer, aud: client.clientId, exp: 0, iat: 0, email: 'root@scaikey.test' },
    ...overrides,
  });

describe('carried session', () => {
  afterEach(() => {
    document.head.querySelectorAll('meta').forEach((meta) => meta.remove());
    document.body.querySelectorAll('meta').forEach((meta) => meta.remove());
  });

  describe('the CSP condition', () => {
    it("holds only for a meta in <head> whose scripts come from 'self' alone", () => {
      expect(documentForbidsForeignScripts()).toBe(false);
      withCsp("script-src 'self'; object-src 'none'");
      expect(documentForbidsForeignScripts()).toBe(true);
    });

    it.each([
      ["script-src 'self' 'unsafe-inline'"],
      ["script-src 'self' 'unsafe-eval'"],
      ["script-src 'self' https://cdn.example.com"],
      ['script-src *'],
      ["script-src 'self'; script-src-elem 'self' 'unsafe-inline'"],
      ["script-src 'self'; script-src-attr 'unsafe-inline'"],
      ["style-src 'self'"], // says nothing about scripts
      ["default-src 'self' data:"],
    ])('does not hold for %s', (policy) => {
      withCsp(policy);
      expect(documentForbidsForeignScripts()).toBe(false);
    });

    it("falls back to default-src, and one strict policy is enough (policies add up)", () => {
      withCsp("default-src 'self'");
      expect(documentForbidsForeignScripts()).toBe(true);
      document.head.replaceChildren();
      withCsp("script-src 'self' 'unsafe-inline'");
      withCsp("script-src 'self'");
      expect(documentForbidsForeignScripts()).toBe(true);
    });

    it('ignores a meta outside <head>, as browsers do', () => {
      withCsp("script-src 'self'", { where: document.body });
      expect(documentForbidsForeignScripts()).toBe(false);
    });
  });

  it('keeps the access and ID tokens in sessionStorage, never the refresh token, only under the CSP', () => {
    carrySession(user(), client);
    expect(window.sessionStorage.getItem(CARRIED_SESSION_KEY)).toBeNull();

    withCsp("script-src 'self'");
    carrySession(user(), client);
    const stored = window.sessionStorage.getItem(CARRIED_SESSION_KEY) ?? '';
    expect(stored).toContain('secret-access');
    expect(stored).not.toContain('secret-refresh');
    expect(stored).not.toContain('refresh_token');
    expect(window.localStorage).toHaveLength(0);
    expect(readCarriedSession(client)).toMatchObject({ access_token: 'secret-access', id_token: 'id-token' });
  });

  it('is not used, and is removed, for another issuer or client, once the CSP is gone, or when it is garbage', () => {
    withCsp("script-src 'self'");
    carrySession(user(), client);
    expect(readCarriedSession({ ...client, clientId: 'another-client' })).toBeNull();
    expect(window.sessionStorage.getItem(CARRIED_SESSION_KEY)).toBeNull();

    carrySession(user(), client);
    expect(readCarriedSession({ ...client, issuer: 'http://elsewhere.test/oauth' })).toBeNull();
    expect(window.sessionStorage.getItem(CARRIED_SESSION_KEY)).toBeNull();

    carrySession(user(), client);
    document.head.replaceChildren();
    expect(readCarriedSession(client)).toBeNull();
    expect(window.sessionStorage.getItem(CARRIED_SESSION_KEY)).toBeNull();

    withCsp("script-src 'self'");
    window.sessionStorage.setItem(CARRIED_SESSION_KEY, '{"access_token": 42');
    expect(readCarriedSession(client)).toBeNull();
    expect(window.sessionStorage.getItem(CARRIED_SESSION_KEY)).toBeNull();
  });

  it('is not used when it has expired or is within the renewal margin', () => {
    withCsp("script-src 'self'");
    carrySession(user({ expires_at: nowS() - 10 }), client);
    expect(readCarriedSession(client)).toBeNull();
    expect(window.sessionStorage.getItem(CARRIED_SESSION_KEY)).toBeNull();

    carrySession(user({ expires_at: nowS() + CARRY_MIN_REMAINING_S - 5 }), client);
    expect(readCarriedSession(client)).toBeNull();

    carrySession(user({ expires_at: nowS() + CARRY_MIN_REMAINING_S + 30 }), client);
    expect(readCarriedSession(client)).not.toBeNull();
  });
});
