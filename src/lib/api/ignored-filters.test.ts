import { ignoredFilters, ignoredFiltersMessage, outsideExpiryWindow, outsideWindow } from './ignored-filters';

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

  it('finds a row outside the time window asked for (start included, end excluded)', () => {
    const at = (row: { at: string }) => row.at;
    const window = { start: '2026-06-01T10:00:00.000Z', end: '2026-06-01T11:00:00.000Z' };
    const inside = [{ at: '2026-06-01T10:00:00.000Z' }, { at: '2026-06-01T10:59:59.999Z' }];
    expect(outsideWindow(inside, at, window)).toBe(false);
    expect(outsideWindow([...inside, { at: '2026-06-01T11:00:00.000Z' }], at, window)).toBe(true);
    expect(outsideWindow([{ at: '2026-06-01T09:59:59.999Z' }], at, window)).toBe(true);
    expect(outsideWindow([{ at: '2020-01-01T00:00:00Z' }], at, { end: window.end })).toBe(false);
    expect(outsideWindow([{ at: '2030-01-01T00:00:00Z' }], at, {})).toBe(false);
    expect(outsideWindow([{ at: 'not a date' }], at, window)).toBe(false);
  });

  it('says so plainly', () => {
    expect(ignoredFiltersMessage(['Resource'])).toBe('This server ignored the filter Resource; the entries shown are not filtered.');
    expect(ignoredFiltersMessage(['Actor', 'Result'], 'users')).toBe(
      'This server ignored the filters Actor, Result; the users shown are not filtered.',
    );
  });
});

describe('outsideExpiryWindow', () => {
  const at = (r: { expires_at: string | null }) => r.expires_at;
  const never = { expires_at: null };
  const t = (iso: string) => ({ expires_at: iso });

  it('expires_after keeps what has not expired by then, no expiry included', () => {
    const window = { after: '2026-11-01T00:00:00Z' };
    expect(outsideExpiryWindow([never, t('2026-11-01T00:00:01Z')], at, window)).toBe(false);
    expect(outsideExpiryWindow([t('2026-11-01T00:00:00Z')], at, window)).toBe(true);
  });

  it('expires_before keeps an expiry at or before then, never one without', () => {
    const window = { before: '2026-11-08T00:00:00Z' };
    expect(outsideExpiryWindow([t('2026-11-08T00:00:00Z'), t('2020-01-01T00:00:00Z')], at, window)).toBe(false);
    expect(outsideExpiryWindow([t('2026-11-08T00:00:01Z')], at, window)).toBe(true);
    expect(outsideExpiryWindow([never], at, window)).toBe(true);
  });

  it('nothing asked, nothing held against the server', () => {
    expect(outsideExpiryWindow([never, t('2020-01-01T00:00:00Z')], at, {})).toBe(false);
  });
});
