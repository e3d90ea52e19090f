import { describe, expect, it } from 'vitest';
import type { PaletteItem } from './palette-items';
import { addRecent, isInAppPath, isRememberable, MAX_RECENTS, parseRecents, recentsStore, type RecentItem } from './recents';

const recent = (id: string, extra: Partial<RecentItem> = {}): RecentItem => ({
  key: `tenant:${id}`,
  kind: 'tenant',
  label: `Tenant ${id}`,
  detail: `tenant-${id}`,
  run: { to: `/tenants/${id}` },
  ...extra,
});

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

describe('addRecent', () => {
  it('puts the pick first, moves a repeat instead of listing it twice, and keeps at most MAX_RECENTS', () => {
    let list: RecentItem[] = [];
    for (let i = 0; i < MAX_RECENTS + 3; i++) list = addRecent(list, recent(String(i)));
    expect(list).toHaveLength(MAX_RECENTS);
    expect(list[0]!.key).toBe(`tenant:${MAX_RECENTS + 2}`);
    list = addRecent(list, recent('5'));
    expect(list.map((i) => i.key).filter((k) => k === 'tenant:5')).toHaveLength(1);
    expect(list[0]!.key).toBe('tenant:5');
  });

  it('stores only what an option shows', () => {
    const withMore = { ...recent('1'), keywords: 'billing@acme.test', secret: 'x' } as RecentItem;
    expect(addRecent([], withMore)[0]).toEqual(recent('1'));
  });
});

describe('parseRecents', () => {
  it('drops malformed entries, duplicates and anything that is not an in-app path', () => {
    const raw = JSON.stringify([
      recent('1'),
      recent('1'),
      { ...recent('2'), run: { to: 'https://evil.example/' } },
      { ...recent('3'), run: { to: '//evil.example/x' } },
      { ...recent('4'), run: { to: 'javascript:alert(1)' } },
      { ...recent('5'), kind: 'action' },
      { label: 'no key' },
      'nonsense',
      recent('6'),
    ]);
    expect(parseRecents(raw).map((i) => i.key)).toEqual(['tenant:1', 'tenant:6']);
  });

  it('reads nothing from nothing, or from something that is not JSON', () => {
    expect(parseRecents(null)).toEqual([]);
    expect(parseRecents('{not json')).toEqual([]);
    expect(parseRecents('{"a":1}')).toEqual([]);
  });

  it('knows an in-app path', () => {
    expect(['/tenants/tnt_1', '/audit?resource=tnt_1'].every(isInAppPath)).toBe(true);
    expect(['tenants', '//x.example', '/\\x.example', 'http://x', '/a b'].some(isInAppPath)).toBe(false);
  });
});

describe('isRememberable', () => {
  it('remembers places, not actions', () => {
    const action: PaletteItem = { key: 'action:assign-role', kind: 'action', label: 'Assign role', run: { action: 'assign-role' } };
    const createTenant: PaletteItem = { key: 'action:create-tenant', kind: 'action', label: 'Create tenant', run: { to: '/tenants/new' } };
    expect(isRememberable(recent('1'))).toBe(true);
    expect(isRememberable(action)).toBe(false);
    expect(isRememberable(createTenant)).toBe(false);
  });
});

describe('recentsStore', () => {
  it("keeps each admin's picks apart", () => {
    const storage = memoryStorage();
    recentsStore(storage, 'usr_a').remember(recent('1'));
    recentsStore(storage, 'usr_b').remember(recent('2'));
    expect(recentsStore(storage, 'usr_a').read().map((i) => i.key)).toEqual(['tenant:1']);
    expect(recentsStore(storage, 'usr_b').read().map((i) => i.key)).toEqual(['tenant:2']);
  });

  it('works without storage, or with storage that refuses writes', () => {
    expect(recentsStore(undefined, 'usr_a').remember(recent('1'))).toHaveLength(1);
    const full = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } } as Storage;
    expect(() => recentsStore(full, 'usr_a').remember(recent('1'))).not.toThrow();
  });
});
