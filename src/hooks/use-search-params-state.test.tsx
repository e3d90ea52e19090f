import { screen } from '@testing-library/react';
import * as z from 'zod';
import { renderWithProviders } from '@/testing/render-with-providers';
import { parseSearchParams, toSearchParams, useSearchParamsState } from './use-search-params-state';

const filtersSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(['ACTIVE', 'SUSPENDED']).optional(),
  search: z.string().trim().default(''),
  roles: z.array(z.enum(['SUPER_ADMIN', 'PARTNER_ADMIN', 'TENANT_ADMIN'])).default([]),
});

describe('parseSearchParams', () => {
  it('parses good values', () => {
    expect(parseSearchParams(filtersSchema, new URLSearchParams('page=3&status=SUSPENDED&search=acme&roles=SUPER_ADMIN&roles=TENANT_ADMIN'))).toEqual({
      page: 3,
      per_page: 20,
      status: 'SUSPENDED',
      search: 'acme',
      roles: ['SUPER_ADMIN', 'TENANT_ADMIN'],
    });
  });

  it('falls back to the default for each bad value, keeping the good ones', () => {
    expect(parseSearchParams(filtersSchema, new URLSearchParams('page=-2&per_page=1000&status=DELETED&search=acme&roles=KING'))).toEqual({
      page: 1,
      per_page: 20,
      status: undefined,
      search: 'acme',
      roles: [],
    });
    expect(parseSearchParams(filtersSchema, new URLSearchParams('page=abc')).page).toBe(1);
  });

  it('reads a single value for an array field as a one-item array', () => {
    expect(parseSearchParams(filtersSchema, new URLSearchParams('roles=PARTNER_ADMIN')).roles).toEqual(['PARTNER_ADMIN']);
  });
});

describe('toSearchParams', () => {
  it('leaves out defaults and empty values and keeps unknown keys', () => {
    const params = toSearchParams(
      filtersSchema,
      { page: 1, per_page: 50, status: undefined, search: '', roles: ['TENANT_ADMIN'] },
      new URLSearchParams('tab=settings&page=4'),
    );
    expect(params.toString()).toBe('tab=settings&per_page=50&roles=TENANT_ADMIN');
  });
});

function Filters() {
  const [filters, setFilters] = useSearchParamsState(filtersSchema);
  return (
    <>
      <p>
        page {filters.page}, status {filters.status ?? 'any'}
      </p>
      <button type="button" onClick={() => setFilters({ status: 'ACTIVE', page: 1 })}>
        Active only
      </button>
      <button type="button" onClick={() => setFilters((previous) => ({ page: previous.page + 1 }))}>
        Next page
      </button>
    </>
  );
}

describe('useSearchParamsState', () => {
  it('reads the URL and writes changes back into it', async () => {
    const { user, history } = renderWithProviders(<Filters />, { route: '/tenants?page=2&status=nonsense' });
    expect(screen.getByText('page 2, status any')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('page 3, status any')).toBeInTheDocument();
    expect(history.location.search).toBe('?page=3');

    await user.click(screen.getByRole('button', { name: 'Active only' }));
    expect(screen.getByText('page 1, status ACTIVE')).toBeInTheDocument();
    expect(history.location.search).toBe('?status=ACTIVE');
  });
});
