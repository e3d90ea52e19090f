import { screen, waitFor, within } from '@testing-library/react';
import { THEME_STORAGE_KEY } from '@/components/theme/color-mode-provider';
import { signOut } from '@/lib/auth';
import { getConfig, setConfig } from '@/lib/config';
import { ME_PATH, superAdmin } from '@/testing/fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-with-providers';
import { routes } from './router';
import type * as AuthModule from '@/lib/auth';

vi.mock('@/lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof AuthModule>()),
  signOut: vi.fn(async () => undefined),
}));

const emptyPage = { items: [], total: 0, page: 1, per_page: 20, pages: 0 };

function renderApp(route = '/') {
  // The screens' own requests, answered empty: these tests are about the frame around them.
  mockFetch({
    [ME_PATH]: () => jsonResponse(200, superAdmin),
    'GET /api/v1/admin/admin-roles/': () => jsonResponse(200, emptyPage),
    'GET /api/v1/admin/tenants/': () => jsonResponse(200, emptyPage),
    'GET /api/v1/admin/partners/': () => jsonResponse(200, emptyPage),
    'GET /api/v1/admin/users/': () => jsonResponse(200, emptyPage),
  });
  return renderRoutes(routes, { route });
}

describe('the shell', () => {
  it('shows the product, the admin from /auth/me, the navigation and the landmarks', async () => {
    const { history } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Role assignments' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/role-assignments');
    await waitFor(() => expect(document.title).toBe('Role assignments · ScaiKey Admin'));

    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: 'ScaiKey Admin' })).toHaveAttribute('href', '/');
    expect(within(banner).getByRole('button', { name: 'Account menu' })).toHaveTextContent('Rhea Root');

    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Role assignments' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Tenants' })).not.toHaveAttribute('aria-current');

    expect(screen.getByRole('main')).toHaveAttribute('id', 'main-content');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeInTheDocument();
    expect(await screen.findByText(/No role assignments/i)).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('moves to a screen from the navigation and marks it current', async () => {
    const { user } = renderApp('/role-assignments');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Tenants' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Tenants' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Tenants' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Role assignments' })).not.toHaveAttribute('aria-current');
    await waitFor(() => expect(document.title).toBe('Tenants · ScaiKey Admin'));
  });

  it('skip link moves focus to the main content', async () => {
    const { user } = renderApp('/tenants');
    await screen.findByRole('heading', { level: 1, name: 'Tenants' });
    await user.click(screen.getByRole('link', { name: 'Skip to main content' }));
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('opens the account menu with the email and signs out', async () => {
    const { user } = renderApp('/tenants');
    const button = await screen.findByRole('button', { name: 'Account menu' });
    await waitFor(() => expect(button).toHaveTextContent('Rhea Root'));
    await user.click(button);

    expect(button).toHaveAttribute('aria-expanded', 'true');
    const menu = await screen.findByRole('menu', { name: 'Account menu' });
    expect(screen.getByText('root@scaikey.test')).toBeInTheDocument();
    await user.click(within(menu).getByRole('menuitem', { name: 'Sign out' }));
    expect(signOut).toHaveBeenCalledTimes(1);
  });

  it('switches to dark mode and remembers the choice', async () => {
    const { user, unmount } = renderApp('/tenants');
    await user.click(await screen.findByRole('button', { name: 'Switch to dark mode' }));
    expect(screen.getByRole('button', { name: 'Switch to light mode' })).toBeInTheDocument();
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    unmount();

    renderApp('/tenants');
    expect(await screen.findByRole('button', { name: 'Switch to light mode' })).toBeInTheDocument();
  });

  it('shows the environment badge when config names one', async () => {
    const original = getConfig();
    setConfig({ ...original, environmentName: 'Staging' });
    try {
      renderApp('/tenants');
      const banner = await screen.findByRole('banner');
      expect(within(banner).getByText('Staging')).toBeInTheDocument();
      expect(banner).toHaveTextContent('Environment: Staging');
    } finally {
      setConfig(original);
    }
  });

  it('shows no badge without an environment name', async () => {
    renderApp('/tenants');
    expect(await screen.findByRole('banner')).not.toHaveTextContent('Environment');
  });
});

describe('routes', () => {
  it('answers an unknown address with "Page not found" and a way back', async () => {
    const { user, history } = renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Page not found · ScaiKey Admin'));
    // still inside the shell
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Go to role assignments' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Role assignments' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/role-assignments');
  });
});
