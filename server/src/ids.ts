import { randomBytes } from 'node:crypto';

export type IdPrefix = 'usr' | 'tnt' | 'prt' | 'adr' | 'aud';

/** ScaiKey-style ids: a type prefix and 20 lowercase base-32 characters. */
export function newId(prefix: IdPrefix): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  const bytes = randomBytes(20);
  let s = '';
  for (const b of bytes) s += alphabet[b & 31];
  return `${prefix}_${s}`;
}
