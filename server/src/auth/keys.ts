import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';

export interface KeySet {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public half as published on the JWKS endpoint. */
  publicJwk: JWK;
}

/**
 * The RS256 signing key: made at first start and kept in <dataDir>/signing-key.json, so tokens
 * issued before a restart still verify. Without a dataDir (tests) a fresh key lives in memory.
 */
export async function loadOrCreateKeys(dataDir: string | null): Promise<KeySet> {
  const file = dataDir ? join(dataDir, 'signing-key.json') : null;
  if (file && existsSync(file)) {
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK & { kid: string };
    const privateKey = (await importJWK(jwk, 'RS256')) as CryptoKey;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk;
    const publicKey = (await importJWK(pub, 'RS256')) as CryptoKey;
    return { kid: jwk.kid, privateKey, publicKey, publicJwk: { ...pub, use: 'sig', alg: 'RS256' } };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `sk-${Date.now().toString(36)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  if (file && dataDir) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...(await exportJWK(privateKey)), kid }), { mode: 0o600 });
  }
  return { kid, privateKey, publicKey, publicJwk };
}
