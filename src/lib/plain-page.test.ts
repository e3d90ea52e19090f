import { renderConfigError, renderSignInError } from './plain-page';
import { within } from '@testing-library/dom';

describe('bootstrap pages', () => {
  it('lists each config problem by key, and where the file came from', () => {
    const root = document.createElement('div');
    document.body.append(root);
    renderConfigError(
      root,
      [
        { key: 'oidc.clientId', message: 'missing; expected a non-empty string' },
        { key: 'extra', message: 'unknown key; remove it' },
      ],
      'http://localhost:5173/config.json',
    );
    const page = within(root);
    expect(page.getByRole('main')).toBeInTheDocument();
    expect(page.getByRole('heading', { level: 1, name: 'The console is not configured correctly' })).toBeInTheDocument();
    const items = page.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['oidc.clientId: missing; expected a non-empty string', 'extra: unknown key; remove it']);
    expect(root).toHaveTextContent('The file was loaded from http://localhost:5173/config.json.');
    expect(document.title).toBe('The console is not configured correctly · ScaiKey Admin');
    root.remove();
  });

  it('never interprets text as HTML', () => {
    const root = document.createElement('div');
    renderConfigError(root, [{ key: '<img src=x onerror=alert(1)>', message: 'unknown key' }], 'x');
    expect(root.querySelector('img')).toBeNull();
  });

  it('offers "Try again" after a failed sign-in', () => {
    const root = document.createElement('div');
    document.body.append(root);
    renderSignInError(root, { message: 'Access denied (access_denied)', retryHref: 'http://localhost:5173/tenants' });
    const page = within(root);
    expect(page.getByRole('heading', { level: 1, name: 'Sign-in failed' })).toBeInTheDocument();
    expect(page.getByText('Reason: Access denied (access_denied)')).toBeInTheDocument();
    expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', 'http://localhost:5173/tenants');
    root.remove();
  });
});
