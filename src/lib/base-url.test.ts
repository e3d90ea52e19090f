import { baseUrl, callbackUrl, isCallbackLocation, relativeToBase, routerBasename, safeReturnTo } from './base-url';

const root = { baseURI: 'http://localhost:5173/' };
const sub = { baseURI: 'http://localhost:5173/console/' };

describe('base-url', () => {
  it('derives the router basename from <base href>', () => {
    expect(routerBasename(root)).toBe('/');
    expect(routerBasename(sub)).toBe('/console');
    expect(baseUrl({ baseURI: 'http://localhost:5173/console/index.html?x=1' }).href).toBe('http://localhost:5173/console/');
  });

  it('builds the callback URL under the base', () => {
    expect(callbackUrl(root)).toBe('http://localhost:5173/auth/callback');
    expect(callbackUrl(sub)).toBe('http://localhost:5173/console/auth/callback');
    expect(isCallbackLocation({ pathname: '/console/auth/callback' }, sub)).toBe(true);
    expect(isCallbackLocation({ pathname: '/auth/callback' }, sub)).toBe(false);
  });

  it('expresses the location relative to the base', () => {
    expect(relativeToBase({ pathname: '/console/tenants', search: '?page=2', hash: '#x' }, sub)).toBe('tenants?page=2#x');
    expect(relativeToBase({ pathname: '/console', search: '', hash: '' }, sub)).toBe('');
    expect(relativeToBase({ pathname: '/elsewhere', search: '', hash: '' }, sub)).toBeNull();
    // The router matches its basename whatever the case; so does the bootstrap's screen preload.
    expect(relativeToBase({ pathname: '/Console/tenants', search: '', hash: '' }, sub)).toBe('tenants');
  });

  it.each([
    ['tenants?page=2#top', 'tenants?page=2#top'],
    ['role-assignments', 'role-assignments'],
    ['', ''],
    ['/tenants', ''],
    ['//evil.example/x', ''],
    ['https://evil.example/', ''],
    ['javascript:alert(1)', ''],
    ['\\\\evil.example', ''],
    ['../outside', ''],
    ['auth/callback?code=1', ''],
    [42, ''],
    [undefined, ''],
  ])('safeReturnTo(%j) under /console/ is %j', (input, expected) => {
    expect(safeReturnTo(input, sub)).toBe(expected);
  });
});
