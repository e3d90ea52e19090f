import { useSuspenseQuery } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import { ApiError } from '@/lib/api-error';
import { renderWithProviders } from '@/testing/render-with-providers';
import { NotFound } from './not-found';
import { QueryBoundary } from './query-boundary';

function Tenant({ load }: { load: () => Promise<string> }) {
  const { data } = useSuspenseQuery({ queryKey: ['tenants', 'detail', 'x'], queryFn: load });
  return <p>Tenant {data}</p>;
}

describe('QueryBoundary', () => {
  it('shows loading, then a failed load with Retry, and Retry refetches', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new ApiError(503, 'The database is restarting'))
      .mockResolvedValueOnce('Acme');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { user } = renderWithProviders(
      <QueryBoundary errorTitle="The tenant could not be loaded">
        <Tenant load={load} />
      </QueryBoundary>,
    );
    expect(screen.getByRole('progressbar', { name: 'Loading' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: 'The tenant could not be loaded' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The database is restarting');

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Tenant Acme')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('NotFound', () => {
  it('says what is missing and offers a way back', async () => {
    renderWithProviders(<NotFound title="Tenant not found" backTo="/tenants" backLabel="Back to tenants" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Tenant not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to tenants' })).toHaveAttribute('href', '/tenants');
    // The title is set by an effect, a moment after the heading shows.
    await waitFor(() => expect(document.title).toBe('Tenant not found · ScaiKey Admin'));
  });
});
