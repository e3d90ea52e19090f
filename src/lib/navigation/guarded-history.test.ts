import { UNSAFE_createMemoryHistory } from 'react-router-dom';
import { guardHistory, type BlockerFunction } from './guarded-history';

const leavingThePage: BlockerFunction = ({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname;

function setup(shouldBlock: BlockerFunction = leavingThePage) {
  const inner = UNSAFE_createMemoryHistory({ initialEntries: ['/tenants', '/tenants/t1'], initialIndex: 1, v5Compat: true });
  const history = guardHistory(inner);
  const seen: string[] = [];
  history.listen(({ action, location }) => seen.push(`${action} ${location.pathname}${location.search}`));
  const unblock = history.block(shouldBlock);
  return { inner, history, seen, unblock };
}

describe('guardHistory', () => {
  it('passes navigations through while nothing blocks', () => {
    const { history, seen, unblock } = setup();
    unblock();
    history.push('/role-assignments');
    history.go(-1);
    expect(seen).toEqual(['PUSH /role-assignments', 'POP /tenants/t1']);
    expect(history.getBlocker().state).toBe('unblocked');
  });

  it('holds a blocked push until proceed, and drops it on reset', () => {
    const { history, seen } = setup();
    history.push('/tenants?page=2');
    expect(history.getBlocker()).toMatchObject({ state: 'blocked', location: { pathname: '/tenants', search: '?page=2' } });
    expect(history.location.pathname).toBe('/tenants/t1');
    expect(seen).toEqual([]);

    history.getBlocker().reset?.();
    expect(history.getBlocker().state).toBe('unblocked');
    expect(history.location.pathname).toBe('/tenants/t1');

    history.push('/tenants?page=2');
    history.getBlocker().proceed?.();
    expect(seen).toEqual(['PUSH /tenants?page=2']);
    expect(history.location.pathname).toBe('/tenants');
    expect(history.getBlocker().state).toBe('unblocked');
  });

  it('lets through what the blocker function allows (e.g. a change of search only)', () => {
    const { history, seen } = setup();
    history.replace('/tenants/t1?tab=security');
    expect(seen).toEqual(['REPLACE /tenants/t1?tab=security']);
  });

  it('reverts a blocked Back, then replays it on proceed', () => {
    const { history, inner, seen } = setup();
    inner.go(-1);
    // The browser is put back where it was, and the router never saw the move.
    expect(history.location.pathname).toBe('/tenants/t1');
    expect(seen).toEqual([]);
    expect(history.getBlocker()).toMatchObject({ state: 'blocked', location: { pathname: '/tenants' } });

    history.getBlocker().proceed?.();
    expect(history.location.pathname).toBe('/tenants');
    expect(seen).toEqual(['POP /tenants']);
    expect(history.getBlocker().state).toBe('unblocked');
  });

  it('tells subscribers when the blocker changes, and removing the blocker clears it', () => {
    const { history, unblock } = setup();
    const onChange = vi.fn();
    history.subscribeBlocker(onChange);
    history.push('/role-assignments');
    expect(onChange).toHaveBeenCalledTimes(1);
    unblock();
    expect(history.getBlocker().state).toBe('unblocked');
    history.push('/role-assignments');
    expect(history.location.pathname).toBe('/role-assignments');
  });
});

describe('guardHistory while the dialog is open', () => {
  it('asks about a second Back too, and Leave then follows it', () => {
    const { history, inner, seen } = setup();
    inner.go(-1);
    inner.go(-1);
    expect(seen).toEqual([]);
    expect(history.location.pathname).toBe('/tenants/t1');
    expect(history.getBlocker()).toMatchObject({ state: 'blocked', location: { pathname: '/tenants' } });
    history.getBlocker().proceed?.();
    expect(seen).toEqual(['POP /tenants']);
  });

  it('asks about a navigation made meanwhile, which the dialog is then about', () => {
    const { history, seen } = setup();
    history.push('/role-assignments');
    history.push('/tenants');
    expect(seen).toEqual([]);
    expect(history.getBlocker()).toMatchObject({ state: 'blocked', location: { pathname: '/tenants' } });
    history.getBlocker().proceed?.();
    expect(seen).toEqual(['PUSH /tenants']);
    expect(history.getBlocker().state).toBe('unblocked');
  });
});
