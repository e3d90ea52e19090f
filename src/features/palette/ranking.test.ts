import { describe, expect, it } from 'vitest';
import type { PaletteItem } from './palette-items';
import { buildSections, flatten, GROUP_LIMIT, matchScore, normalize, rankItems } from './ranking';

const tenant = (id: string, label: string, detail = '', keywords?: string): PaletteItem => ({
  key: `tenant:${id}`,
  kind: 'tenant',
  label,
  detail,
  keywords,
  run: { to: `/tenants/${id}` },
});
const screen = (label: string): PaletteItem => ({ key: `screen:${label}`, kind: 'screen', label, run: { to: `/${label.toLowerCase()}` } });
const labels = (items: readonly PaletteItem[]) => items.map((i) => i.label);
const empty = { recents: [], tenants: [], users: [], admins: [], screens: [], actions: [] };

describe('matchScore', () => {
  it('ranks the whole name over its start, a word start over the middle of a word', () => {
    const scores = ['Acme', 'Acme Corporation', 'Big Acme', 'Bigacme'].map((label) => matchScore('acme', tenant('x', label)));
    expect(scores).toEqual([100, 80, 60, 40]);
  });

  it('ignores case, accents and extra spaces', () => {
    expect(normalize('  José   Álvarez ')).toBe('jose alvarez');
    expect(matchScore('JOSE alv', tenant('x', 'José Álvarez'))).toBe(80);
  });

  it('counts the second line and the keywords a little less than the name', () => {
    expect(matchScore('acme-eu', tenant('x', 'Acme Europe', 'acme-eu'))).toBe(90);
    expect(matchScore('billing@acme.test', tenant('x', 'Acme', 'acme', 'billing@acme.test'))).toBe(80);
  });

  it('finds every word of a multi-word term in any order, below a phrase match', () => {
    expect(matchScore('corp acme', tenant('x', 'Acme Holdings Corporation'))).toBe(30);
    expect(matchScore('corp zeta', tenant('x', 'Acme Holdings Corporation'))).toBe(0);
  });

  it('matches letters in order only where asked (screens and actions)', () => {
    const item = screen('Role assignments');
    expect(matchScore('rlas', item)).toBe(0);
    expect(matchScore('rlas', item, true)).toBe(10);
  });

  it('matches everything with nothing typed', () => {
    expect(matchScore('  ', tenant('x', 'Acme'))).toBeGreaterThan(0);
  });
});

describe('rankItems', () => {
  it('orders by score and keeps the given order among equals', () => {
    const items = [tenant('1', 'Zeta Acme'), tenant('2', 'Acme'), tenant('3', 'Alpha Acme'), tenant('4', 'Other')];
    expect(labels(rankItems('acme', items))).toEqual(['Acme', 'Zeta Acme', 'Alpha Acme']);
  });

  it("keeps server matches the palette cannot see why (a contact email it does not show), last", () => {
    const items = [tenant('1', 'Hidden match'), tenant('2', 'Acme')];
    expect(labels(rankItems('acme', items, { keepUnmatched: true }))).toEqual(['Acme', 'Hidden match']);
  });
});

describe('buildSections', () => {
  const screens = [screen('Role assignments'), screen('Tenants'), screen('Admins'), screen('Audit log')];

  it('with nothing typed: recent picks, then screens and actions', () => {
    const recent = tenant('1', 'Acme');
    const sections = buildSections('', { ...empty, recents: [recent], screens, tenants: [tenant('2', 'Ignored')] });
    expect(sections.map((s) => s.group)).toEqual(['recent', 'screens']);
    expect(labels(sections[0]!.items)).toEqual(['Acme']);
  });

  it('puts matching recent picks first and does not list the same record again', () => {
    const acme = tenant('1', 'Acme');
    const sections = buildSections('acme', { ...empty, recents: [acme, tenant('9', 'Other')], tenants: [acme, tenant('2', 'Acme Two')], screens });
    expect(sections.map((s) => [s.group, labels(s.items)])).toEqual([
      ['recent', ['Acme']],
      ['tenants', ['Acme Two']],
    ]);
  });

  it('orders groups by their best match: a screen named like the term comes before partial records', () => {
    const sections = buildSections('tenants', { ...empty, tenants: [tenant('1', 'Tenants United Ltd')], screens });
    expect(sections.map((s) => s.group)).toEqual(['screens', 'tenants']);
    const byName = buildSections('acme', { ...empty, tenants: [tenant('1', 'Acme')], screens: [screen('Tenants')] });
    expect(byName.map((s) => s.group)).toEqual(['tenants']);
  });

  it('keeps the fixed group order between equal matches', () => {
    const user: PaletteItem = { key: 'user:1', kind: 'user', label: 'Ana', run: { to: '/users/1/roles' } };
    const sections = buildSections('ana', { ...empty, users: [user], tenants: [tenant('1', 'Ana')] });
    expect(sections.map((s) => s.group)).toEqual(['tenants', 'users']);
  });

  it(`shows at most ${GROUP_LIMIT} per group, and the options in listbox order`, () => {
    const many = Array.from({ length: 9 }, (_, i) => tenant(String(i), `Acme ${i}`));
    const sections = buildSections('acme', { ...empty, tenants: many });
    expect(sections[0]!.items).toHaveLength(GROUP_LIMIT);
    expect(flatten(sections).map((i) => i.key)).toEqual(many.slice(0, GROUP_LIMIT).map((i) => i.key));
  });
});
