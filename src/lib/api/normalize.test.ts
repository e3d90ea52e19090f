import { normalizeList } from './normalize';

interface Tenant {
  id: string;
}
const a = { id: 'tnt_a' };
const b = { id: 'tnt_b' };

describe('normalizeList', () => {
  it('reads the documented envelope', () => {
    expect(normalizeList<Tenant>({ items: [a, b], total: 42, page: 2, per_page: 20, pages: 3 }, 'tenants')).toEqual({
      items: [a, b],
      total: 42,
      page: 2,
      perPage: 20,
      pages: 3,
    });
  });

  it('accepts `data` instead of `items`', () => {
    expect(normalizeList<Tenant>({ data: [a], total: 1, page: 1, per_page: 20, pages: 1 }, 'tenants').items).toEqual([a]);
  });

  it('accepts an array named after the resource, in snake or camel case', () => {
    expect(normalizeList<Tenant>({ tenants: [a, b] }, 'tenants').items).toEqual([a, b]);
    expect(normalizeList<Tenant>({ admin_roles: [a] }, 'admin-roles').items).toEqual([a]);
    expect(normalizeList<Tenant>({ adminRoles: [a] }, 'admin_roles').items).toEqual([a]);
  });

  it('accepts a bare array as one complete page', () => {
    expect(normalizeList<Tenant>([a, b], 'tenants')).toEqual({ items: [a, b], total: 2, page: 1, perPage: 2, pages: 1 });
    expect(normalizeList<Tenant>([], 'tenants')).toEqual({ items: [], total: 0, page: 1, perPage: 1, pages: 1 });
  });

  it('copes with a missing total: total and pages are null, page and size come from the request', () => {
    expect(normalizeList<Tenant>({ items: [a] }, 'tenants', { page: 3, perPage: 50 })).toEqual({
      items: [a],
      total: null,
      page: 3,
      perPage: 50,
      pages: null,
    });
  });

  it('derives pages from total and page size when pages is missing', () => {
    expect(normalizeList<Tenant>({ items: [a], total: 41, per_page: 20 }, 'tenants')).toMatchObject({ total: 41, pages: 3 });
    expect(normalizeList<Tenant>({ items: [], total: 0, per_page: 20 }, 'tenants')).toMatchObject({ total: 0, pages: 1 });
  });

  it('reads alternative meta names and a nested meta object', () => {
    expect(normalizeList<Tenant>({ results: [a], count: 7, page_size: 5 }, 'tenants')).toMatchObject({ total: 7, perPage: 5, pages: 2 });
    expect(normalizeList<Tenant>({ data: [a], meta: { total: 9, page: 2, per_page: 3 } }, 'tenants')).toMatchObject({
      total: 9,
      page: 2,
      perPage: 3,
      pages: 3,
    });
  });

  it('ignores nonsense totals instead of trusting them', () => {
    expect(normalizeList<Tenant>({ items: [a], total: -1 }, 'tenants').total).toBeNull();
    expect(normalizeList<Tenant>({ items: [a], total: 'many' }, 'tenants').total).toBeNull();
    expect(normalizeList<Tenant>({ items: [a], total: '12' }, 'tenants').total).toBe(12);
  });

  it('prefers items over other arrays in the body', () => {
    expect(normalizeList<Tenant>({ warnings: [b], items: [a] }, 'tenants').items).toEqual([a]);
  });

  it('throws a clear error for a body that holds no list', () => {
    expect(() => normalizeList({ detail: 'x' }, 'tenants')).toThrow('Expected a list of tenants, but the API answer held no array.');
    expect(() => normalizeList(null, 'tenants')).toThrow('answered with null');
    expect(() => normalizeList('x', 'tenants')).toThrow('answered with string');
  });
});
