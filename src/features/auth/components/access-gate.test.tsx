import { screen, waitFor } from '@testing-library/react';
import * as auth from '@/lib/auth';
import { ME_PATH, superAdmin, tenantAdmin } from '@/testing/fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import { AccessGate } from './access-gate';
import type * as AuthModule from '@/lib/auth';

vi.mock('@/lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof AuthModule>()),
  signOut: vi.fn(async () => undefined),
  getSignedInProfile: vi.fn(() => ({ email: 'former.admin@scaikey.test' })),
}));

function renderGate() {
  return renderWithProviders(
    <AccessGate>
      <nav aria-label="Main">the console</nav>
    </AccessGate>,
  );
}

const DENIED_TEXT =
  'this console is only for ScaiKey Super Admins. Your account has no active Super Admin role (it may have expired or been revoked). Ask a Super Admin to grant you access, or sign in with another account.';

describe('AccessGate', () => {
  it('shows a labelled progress indicator while it asks who is signed in', async () => {
    mockFetch({ [ME_PATH]: () => new Promise<Response>(() => undefined) });
    renderGate();
    expect(screen.getByRole('progressbar', { name: 'Loading' })).toBeInTheDocument();
  });

  it('lets a Super Admin in', async () => {
    mockFetch({ [ME_PATH]: () => jsonResponse(200, superAdmin) });
    renderGate();
    expect(await screen.findByRole('navigation', { name: 'Main' })).toHaveTextContent('the console');
  });

  it('turns a Tenant Admin away, without the navigation, and offers Sign out', async () => {
    mockFetch({ [ME_PATH]: () => jsonResponse(200, tenantAdmin) });
    const { user } = renderGate();

    expect(await screen.findByRole('heading', { level: 1, name: 'Super Admin access required' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent(`You are signed in as ana.lima@acme.test, but ${DENIED_TEXT}`);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    // The title is set by an effect, a moment after the heading shows.
    await waitFor(() => expect(document.title).toBe('Super Admin access required · ScaiKey Admin'));

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(auth.signOut).toHaveBeenCalledTimes(1);
  });

  it('turns away an admin whose role has lapsed (role null)', async () => {
    mockFetch({ [ME_PATH]: () => jsonResponse(200, { ...superAdmin, role: null }) });
    renderGate();
    expect(await screen.findByRole('heading', { level: 1, name: 'Super Admin access required' })).toBeInTheDocument();
  });

  it('treats a 403 from /auth/me as no access, naming the account from the ID token', async () => {
    mockFetch({ [ME_PATH]: () => jsonResponse(403, { detail: 'Not an admin' }) });
    renderGate();
    expect(await screen.findByRole('heading', { level: 1, name: 'Super Admin access required' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('You are signed in as former.admin@scaikey.test, but');
  });

  it('shows a failure to load the account with Retry', async () => {
    let calls = 0;
    mockFetch({
      [ME_PATH]: () => (++calls === 1 ? jsonResponse(503, { detail: 'Service unavailable' }) : jsonResponse(200, superAdmin)),
    });
    const { user } = renderGate();

    expect(await screen.findByRole('heading', { level: 1, name: 'The console could not load your account' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Service unavailable');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });
});
