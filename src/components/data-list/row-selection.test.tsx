import { act, screen } from '@testing-library/react';
import { renderWithProviders } from '@/testing/render-with-providers';
import { filtersOfSearch, useRowSelection } from './row-selection';

/** The selection outlives paging, not a change of filters (by default the URL's, as the tenants list keeps them). */

function Harness() {
  const selection = useRowSelection();
  return (
    <>
      <button type="button" onClick={() => selection.select(['t1', 't2'])}>
        Select two
      </button>
      <p>{selection.selected.size} selected</p>
    </>
  );
}

describe('useRowSelection', () => {
  it('keeps the selection across pages and page sizes, clears it when a filter changes', async () => {
    const { user, history } = renderWithProviders(<Harness />, { route: '/tenants?search=ac&status=ACTIVE' });
    await user.click(screen.getByRole('button', { name: 'Select two' }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();

    act(() => history.push('/tenants?search=ac&status=ACTIVE&page=3&per_page=50'));
    expect(screen.getByText('2 selected')).toBeInTheDocument();

    act(() => history.push('/tenants?search=acm&status=ACTIVE&page=1'));
    expect(screen.getByText('0 selected')).toBeInTheDocument();
  });

  it('reads the filters without the page and the page size', () => {
    expect(filtersOfSearch('?search=ac&status=ACTIVE&page=2&per_page=50')).toBe(filtersOfSearch('?search=ac&status=ACTIVE'));
    // Before or after the filters (the role assignments list writes them first).
    expect(filtersOfSearch('?page=2&per_page=50&role=TENANT_ADMIN')).toBe('?role=TENANT_ADMIN');
    expect(filtersOfSearch('?role=TENANT_ADMIN&page=2')).toBe('?role=TENANT_ADMIN');
    expect(filtersOfSearch('?page=4')).toBe(filtersOfSearch(''));
    expect(filtersOfSearch('?status=ACTIVE')).not.toBe(filtersOfSearch('?status=SUSPENDED'));
  });
});
