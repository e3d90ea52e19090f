// Figure-crunching for the bench: pure functions, tested in stats.test.mjs.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The median of the numbers (null for none); the mean of the middle two for an even count. */
export function median(values) {
  return percentile(values, 50);
}

/** The p-th percentile by linear interpolation between closest ranks (null for no values). */
export function percentile(values, p) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const rank = (p / 100) * (xs.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return xs[lo] + (xs[hi] - xs[lo]) * (rank - lo);
}

/**
 * The longest chain of requests where each one started only after the previous one had finished
 * (a waterfall): 1 when everything ran in parallel, 0 for no requests. `requests` are
 * `{ start, end }` in any one clock.
 */
export function longestChain(requests) {
  const rs = [...requests].sort((a, b) => a.start - b.start);
  const depth = [];
  let best = 0;
  for (let i = 0; i < rs.length; i++) {
    let d = 1;
    for (let j = 0; j < i; j++) {
      if (rs[j].end <= rs[i].start) d = Math.max(d, depth[j] + 1);
    }
    depth.push(d);
    best = Math.max(best, d);
  }
  return best;
}

/** Raw, gzip (level 9) and brotli (quality 11) sizes of one body. */
export function compressedSizes(body) {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Sums sizes per kind ('js' | 'css') over assets `{ kind, raw, gzip, brotli }`. */
export function sumByKind(assets) {
  const out = { js: { files: 0, raw: 0, gzip: 0, brotli: 0 }, css: { files: 0, raw: 0, gzip: 0, brotli: 0 } };
  for (const a of assets) {
    const t = out[a.kind];
    if (!t) continue;
    t.files += 1;
    t.raw += a.raw;
    t.gzip += a.gzip;
    t.brotli += a.brotli;
  }
  return out;
}

/** Least-squares slope of y over x (per step), null for fewer than two points. */
export function slope(points) {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  return points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
}

export function kb(bytes) {
  return bytes == null ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`;
}

export function mb(bytes) {
  return bytes == null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ms(value) {
  return value == null ? 'n/a' : `${Math.round(value)} ms`;
}

/** A plain-text table: first column left-aligned, the rest right-aligned. */
export function table(header, rows) {
  const cells = rows.map((r) => r.map((c) => (c == null ? 'n/a' : String(c))));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
