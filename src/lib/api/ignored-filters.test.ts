import { ignoredFilters, ignoredFiltersMessage } from './ignored-filters';

describe('ignoredFilters', () => {
  const rows = [
    { id: 'a', tenant_id: 'tnt_1', result: 'success' },
    { id: 'b', tenant_id: 'tnt_2', result: 'success' },
  ];

  it('names each filter some row does not match, and skips the unset ones', () => {
    expect(ignoredFilters(rows, { tenant_id: 'tnt_1', result: 'success', id: undefined })).toEqual(['tenant_id']);
    expect(ignoredFilters(rows, { result: 'success' })).toEqual([]);
    expect(ignoredFilters<(typeof rows)[number]>([], { tenant_id: 'tnt_9' })).toEqual([]);
  });

  it('says so plainly', () => {
    expect(ignoredFiltersMessage(['Resource'])).toBe('This server ignored the filter Resource; the entries shown are not filtered.');
    expect(ignoredFiltersMessage(['Actor', 'Result'], 'users')).toBe(
      'This server ignored the filters Actor, Result; the users shown are not filtered.',
    );
  });
});
