/** Deterministic randomness for the seed: same seed number, same data, on every machine. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Picks by weight: [[value, weight], ...]. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of options) {
      r -= w;
      if (r < 0) return value;
    }
    return options[options.length - 1]![0];
  }

  /** `count` distinct items, in the source order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
  }
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A 32-bit bijective mixer (Chris Wellons' lowbias32): distinct inputs give distinct outputs. */
function lowbias32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

/**
 * The n-th seeded id of a kind, e.g. seedId('tnt', 2): the prefix and 20 base-32 characters,
 * like ids.ts makes. The first 7 characters encode a bijection of n, so ids never collide;
 * the rest are filler from a PRNG seeded by it.
 */
export function seedId(prefix: 'usr' | 'tnt' | 'prt' | 'adr' | 'aud', n: number): string {
  const h = lowbias32((n ^ fnv1a(prefix)) >>> 0);
  let head = '';
  let v = h;
  for (let i = 0; i < 7; i++) {
    head += ALPHABET[v & 31];
    v = Math.floor(v / 32);
  }
  const rng = new Rng(h);
  let tail = '';
  for (let i = 0; i < 13; i++) tail += ALPHABET[Math.floor(rng.next() * 32)];
  return `${prefix}_${head}${tail}`;
}

/**
 * The n-th seeded GUID (admin account ids, which the Admins API speaks): version 4 layout, the
 * first 8 hex digits a bijection of n, so they never collide; the rest filler seeded by it.
 */
export function seedGuid(n: number): string {
  const h = lowbias32((n ^ fnv1a('adm')) >>> 0);
  const rng = new Rng(h);
  const hex = (digits: number): string => {
    let s = '';
    for (let i = 0; i < digits; i++) s += Math.floor(rng.next() * 16).toString(16);
    return s;
  };
  const variant = (8 + Math.floor(rng.next() * 4)).toString(16);
  return `${h.toString(16).padStart(8, '0')}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
