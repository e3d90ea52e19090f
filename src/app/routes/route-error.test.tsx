import { screen } from '@testing-library/react';
import { Outlet } from 'react-router-dom';
import { renderRoutes } from '@/testing/render-with-providers';
import { RouteError } from './route-error';

let broken = false;

function Flaky() {
  if (broken) throw new Error('The tenant list could not be drawn');
  return <h1>Tenants</h1>;
}

describe('RouteError', () => {
  it('shows "Something went wrong" with the message, and Retry renders the route again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    broken = true;
    const { user } = renderRoutes(
      [{ element: <Outlet />, children: [{ errorElement: <RouteError />, children: [{ path: '/tenants', element: <Flaky /> }] }] }],
      { route: '/tenants' },
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The tenant list could not be drawn');
    expect(document.title).toBe('Something went wrong · ScaiKey Admin');

    broken = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tenants' })).toBeInTheDocument();
  });
});
