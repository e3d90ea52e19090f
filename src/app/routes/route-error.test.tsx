import { screen, waitFor } from '@testing-library/react';
import { Link } from 'react-router-dom';
import { renderRoutes } from '@/testing/render-with-providers';
import { RouteErrorBoundary } from './route-error';

let broken = false;

function Flaky() {
  if (broken) throw new Error('The tenant list could not be drawn');
  return <h1>Tenants</h1>;
}

function Screen() {
  return (
    <>
      <Link to="/role-assignments">Role assignments</Link>
      <RouteErrorBoundary>
        <Flaky />
      </RouteErrorBoundary>
    </>
  );
}

describe('RouteErrorBoundary', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it('shows "Something went wrong" with the message, and Retry renders the screen again', async () => {
    broken = true;
    const { user } = renderRoutes([{ path: '*', element: <Screen /> }], { route: '/tenants' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The tenant list could not be drawn');
    // The title is set by an effect, a moment after the heading shows.
    await waitFor(() => expect(document.title).toBe('Something went wrong · ScaiKey Admin'));

    broken = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tenants' })).toBeInTheDocument();
  });

  it('clears the error when the user goes elsewhere', async () => {
    broken = true;
    const { user, history } = renderRoutes([{ path: '*', element: <Screen /> }], { route: '/tenants' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();

    broken = false;
    await user.click(screen.getByRole('link', { name: 'Role assignments' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tenants' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/role-assignments');
  });
});
