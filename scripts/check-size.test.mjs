import { describe, expect, it } from 'vitest';
import { dynamicChain, entryKey, filesOf, measure, routeKeys, screenChunks, staticClosure } from './check-size.mjs';

// A small manifest shaped like Vite's: index.html → (lazy) app shell → (lazy) route modules, with
// shared chunks (keys starting with "_") imported statically from several places.
const manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_auth.js'], dynamicImports: ['src/app/app.tsx'], css: ['assets/index.css'] },
  '_auth.js': { file: 'assets/auth.js' },
  'src/app/app.tsx': { file: 'assets/app.js', isDynamicEntry: true, imports: ['_react.js', 'index.html'], dynamicImports: [] },
  // The router lives in a shared chunk: its lazy routes are dynamic imports of that chunk.
  '_react.js': {
    file: 'assets/react.js',
    imports: ['_mui.js'],
    dynamicImports: ['src/app/routes/tenants/list.tsx', 'src/app/routes/tenants/detail.tsx'],
  },
  '_mui.js': { file: 'assets/mui.js', css: ['assets/mui.css'] },
  'src/app/routes/tenants/list.tsx': { file: 'assets/list.js', isDynamicEntry: true, imports: ['src/app/app.tsx', '_table.js'] },
  'src/app/routes/tenants/detail.tsx': { file: 'assets/detail.js', isDynamicEntry: true, imports: ['_react.js', '_form.js'], dynamicImports: ['src/features/tenants/heavy.tsx'] },
  '_table.js': { file: 'assets/table.js' },
  '_form.js': { file: 'assets/form.js' },
  // Loaded only when the detail screen asks for it: not part of the screen's own load.
  'src/features/tenants/heavy.tsx': { file: 'assets/heavy.js', isDynamicEntry: true },
  // An orphan route module nothing imports.
  'src/app/routes/orphan.tsx': { file: 'assets/orphan.js', isDynamicEntry: true },
};

const sizes = {
  'assets/index.js': 10_000,
  'assets/auth.js': 20_000,
  'assets/app.js': 50_000,
  'assets/react.js': 100_000,
  'assets/mui.js': 60_000,
  'assets/list.js': 5_000,
  'assets/table.js': 7_000,
  'assets/detail.js': 4_000,
  'assets/form.js': 30_000,
  'assets/heavy.js': 90_000,
  'assets/orphan.js': 1_000,
};
const gzipSize = (file) => sizes[file];

describe('the manifest graph', () => {
  it('finds the one entry', () => {
    expect(entryKey(manifest)).toBe('index.html');
    expect(() => entryKey({ a: { file: 'a.js' } })).toThrow(/one entry/);
  });

  it('follows static imports recursively, through cycles, and not dynamic ones', () => {
    expect([...staticClosure(manifest, 'index.html')].sort()).toEqual(['_auth.js', 'index.html']);
    expect([...staticClosure(manifest, 'src/app/app.tsx')].sort()).toEqual(['_auth.js', '_mui.js', '_react.js', 'index.html', 'src/app/app.tsx']);
  });

  it('names a missing chunk instead of skipping it', () => {
    expect(() => staticClosure({ a: { file: 'a.js', imports: ['b'] } }, 'a')).toThrow('the manifest has no chunk "b"');
  });

  it('walks dynamic imports made by any chunk already loaded, shortest chain first', () => {
    expect(dynamicChain(manifest, 'index.html', 'src/app/routes/tenants/list.tsx')).toEqual([
      'index.html',
      'src/app/app.tsx',
      'src/app/routes/tenants/list.tsx',
    ]);
    expect(dynamicChain(manifest, 'index.html', 'src/app/routes/orphan.tsx')).toBeNull();
  });

  it('loads for a screen the entry, the shell, the route and all their static imports, and no other lazy chunk', () => {
    const { chunks } = screenChunks(manifest, 'src/app/routes/tenants/detail.tsx');
    const { js, css } = filesOf(manifest, chunks);
    expect(js).toEqual(['assets/app.js', 'assets/auth.js', 'assets/detail.js', 'assets/form.js', 'assets/index.js', 'assets/mui.js', 'assets/react.js']);
    expect(css).toEqual(['assets/index.css', 'assets/mui.css']);
    expect(js).not.toContain('assets/heavy.js');
    expect(js).not.toContain('assets/table.js');
  });

  it('lists the lazy route modules under src/app/routes/', () => {
    expect(routeKeys(manifest)).toEqual([
      'src/app/routes/orphan.tsx',
      'src/app/routes/tenants/detail.tsx',
      'src/app/routes/tenants/list.tsx',
    ]);
  });
});

describe('the budgets', () => {
  const reachable = { ...manifest };
  delete reachable['src/app/routes/orphan.tsx'];

  it('adds up gzip bytes per load and passes within budget', () => {
    const { rows, failures } = measure(reachable, gzipSize, { firstVisitKb: 30, screenKb: 300 });
    expect(failures).toEqual([]);
    expect(rows.map((r) => [r.load, r.gzip])).toEqual([
      ['first visit, before sign-in', 30_000],
      ['screen tenants/detail', 274_000],
      ['screen tenants/list', 252_000],
    ]);
  });

  it('names the first visit and the screen over budget, with the biggest chunk', () => {
    const { failures } = measure(reachable, gzipSize, { firstVisitKb: 29, screenKb: 260 });
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/^The first visit before sign-in loads 29\.3 KB of gzip JS, over its 29 KB budget .*biggest is assets\/auth\.js/);
    expect(failures[1]).toMatch(/^The screen src\/app\/routes\/tenants\/detail\.tsx loads 267\.6 KB .* over its 260 KB budget/);
    expect(failures[1]).toContain('index.html → src/app/app.tsx → src/app/routes/tenants/detail.tsx');
    expect(failures[1]).toContain('the biggest chunk is assets/react.js');
  });

  it('holds a screen over budget to its interim allowance, and fails it when it grows past', () => {
    const reachable = { ...manifest };
    delete reachable['src/app/routes/orphan.tsx'];
    const within = measure(reachable, gzipSize, {
      firstVisitKb: 30,
      screenKb: 260,
      allowances: { 'src/app/routes/tenants/detail.tsx': { kb: 268, why: 'forms on first render' } },
    });
    expect(within.failures).toEqual([]);
    expect(within.warnings).toHaveLength(1);
    expect(within.warnings[0]).toMatch(/tenants\/detail\.tsx loads 267\.6 KB .*within its interim allowance of 268 KB: forms on first render/);

    const grown = measure(reachable, gzipSize, {
      firstVisitKb: 30,
      screenKb: 260,
      allowances: { 'src/app/routes/tenants/detail.tsx': { kb: 267, why: 'forms on first render' } },
    });
    expect(grown.warnings).toEqual([]);
    expect(grown.failures).toHaveLength(1);
    expect(grown.failures[0]).toMatch(/past its interim allowance of 267 KB: it grew/);
  });

  it('fails when a route cannot be reached or no route is lazy', () => {
    expect(() => measure(manifest, gzipSize)).toThrow(/orphan\.tsx cannot be reached/);
    const { failures } = measure({ 'index.html': { file: 'assets/index.js', isEntry: true } }, () => 100);
    expect(failures).toEqual([expect.stringMatching(/no lazy route modules/)]);
  });
});
