import { describe, expect, it } from 'vitest';
import { compressedSizes, longestChain, median, percentile, slope, sumByKind, table } from './stats.mjs';

describe('bench statistics', () => {
  it('takes medians and percentiles, ignoring missing values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 7, undefined])).toBe(7);
    expect(median([])).toBeNull();
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
    expect(percentile([10, 20, 30, 40, 50], 50)).toBe(30);
  });

  it('finds the longest waterfall among requests', () => {
    expect(longestChain([])).toBe(0);
    // three in parallel
    expect(longestChain([{ start: 0, end: 10 }, { start: 1, end: 12 }, { start: 2, end: 9 }])).toBe(1);
    // /auth/me, then the list, then two name lookups in parallel: a chain of three
    expect(
      longestChain([
        { start: 0, end: 10 },
        { start: 11, end: 30 },
        { start: 31, end: 40 },
        { start: 31, end: 45 },
      ]),
    ).toBe(3);
    // overlapping requests never chain, whatever their order in the input
    expect(longestChain([{ start: 5, end: 20 }, { start: 0, end: 6 }])).toBe(1);
  });

  it('measures compressed sizes and sums them per kind', () => {
    const body = Buffer.from('const a = 1;\n'.repeat(500));
    const s = compressedSizes(body);
    expect(s.raw).toBe(6500);
    expect(s.gzip).toBeLessThan(200);
    expect(s.brotli).toBeLessThan(s.gzip);
    expect(
      sumByKind([
        { kind: 'js', raw: 10, gzip: 5, brotli: 4 },
        { kind: 'js', raw: 20, gzip: 8, brotli: 6 },
        { kind: 'css', raw: 3, gzip: 2, brotli: 1 },
        { kind: 'font', raw: 99, gzip: 99, brotli: 99 },
      ]),
    ).toEqual({ js: { files: 2, raw: 30, gzip: 13, brotli: 10 }, css: { files: 1, raw: 3, gzip: 2, brotli: 1 } });
  });

  it('computes a growth slope', () => {
    expect(slope([{ x: 1, y: 10 }, { x: 2, y: 12 }, { x: 3, y: 14 }])).toBeCloseTo(2);
    expect(slope([{ x: 1, y: 10 }])).toBeNull();
  });

  it('formats a table with missing values as n/a', () => {
    expect(table(['screen', 'time'], [['tenants', '12 ms'], ['role assignments', null]])).toBe(
      ['screen             time', '----------------  -----', 'tenants           12 ms', 'role assignments    n/a'].join('\n'),
    );
  });
});
