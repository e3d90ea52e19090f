import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, Suspense, type ReactElement } from 'react';
import { Link, useRoutes, useSearchParams } from 'react-router-dom';
import { createTestHistory } from '@/testing/test-history';
import { AppRouter, trackNavigation, useNavigationPending } from './app-router';

let finishDownload: () => void = () => undefined;
const Slow = lazy(() =>
  trackNavigation(
    new Promise<{ default: () => ReactElement }>((resolve) => {
      finishDownload = () => resolve({ default: () => <h1>Tenants</h1> });
    }),
  ),
);

function Home() {
  const [params, setParams] = useSearchParams();
  return (
    <>
      <h1>Role assignments (page {params.get('page') ?? '1'})</h1>
      <button type="button" onClick={() => setParams({ page: '2' })}>
        Next page
      </button>
      <Link to="/tenants">Tenants</Link>
    </>
  );
}

function Shell() {
  const pending = useNavigationPending();
  const element = useRoutes([
    { path: '/', element: <Home /> },
    { path: '/tenants', element: <Slow /> },
  ]);
  return (
    <>
      {pending ? <div role="progressbar" aria-label="Loading page" /> : null}
      <Suspense fallback={<p>Loading</p>}>{element}</Suspense>
    </>
  );
}

describe('AppRouter', () => {
  it("keeps the current screen while the next one's code downloads, with a progress bar only then", async () => {
    const user = userEvent.setup();
    const history = createTestHistory('/');
    render(
      <AppRouter history={history}>
        <Shell />
      </AppRouter>,
    );

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('heading', { name: 'Role assignments (page 2)' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Tenants' }));
    expect(await screen.findByRole('progressbar', { name: 'Loading page' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Role assignments (page 2)' })).toBeInTheDocument();
    expect(screen.queryByText('Loading')).not.toBeInTheDocument();

    await act(async () => finishDownload());
    expect(await screen.findByRole('heading', { name: 'Tenants' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(history.location.pathname).toBe('/tenants');
  });
});
