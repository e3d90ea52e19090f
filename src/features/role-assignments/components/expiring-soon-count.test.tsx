import { screen } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import { anaTenantAdmin } from '../test-fixtures';
import { ExpiringSoonCount } from './expiring-soon-count';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const soon = { ...anaTenantAdmin, id: 'adr_soon', expires_at: inDays(3) };
const expired = { ...anaTenantAdmin, id: 'adr_old', expires_at: inDays(-1) };

function page(items: unknown[], total: number) {
  return jsonResponse(200, { items, total, page: 1, per_page: 1, pages: total });
}

describe('ExpiringSoonCount', () => {
  it('says how many roles expire within 7 days', async () => {
    mockFetch({
      'GET /api/v1/admin/admin-roles/': (request) => {
        const params = new URL(request.url).searchParams;
        if (!params.has('expires_after')) return page([expired], 2);
        return Date.parse(params.get('expires_before')!) - Date.now() < 8 * 86_400_000 ? page([soon], 3) : page([soon], 5);
      },
    });
    renderWithProviders(<ExpiringSoonCount />);
    expect(await screen.findByText('3 expiring within 7 days')).toBeInTheDocument();
  });

  it('shows nothing when none expire soon', async () => {
    const fetchMock = mockFetch({ 'GET /api/v1/admin/admin-roles/': page([], 0) });
    const { container } = renderWithProviders(<ExpiringSoonCount />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container).toBeEmptyDOMElement();
  });

  it('shows nothing against a server that ignores the expiry filters (its first row answers every count)', async () => {
    // The newest row happens to expire within 7 days: the "expired" count hands back the same row.
    const fetchMock = mockFetch({ 'GET /api/v1/admin/admin-roles/': page([soon], 40) });
    const { container } = renderWithProviders(<ExpiringSoonCount />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container).toBeEmptyDOMElement();
  });
});
