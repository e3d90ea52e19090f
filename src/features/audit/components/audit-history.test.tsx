import { screen, within } from '@testing-library/react';
import { auditEntry } from '@/testing/audit-fixtures';
import { answersIds } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import type { AuditEvent } from '../api/queries';
import { AuditHistory } from './audit-history';

/** The History panel: it refreshes after any write, names each entry's link apart, and names records instead of ids. */

const page = (items: AuditEvent[]) => ({ items, total: items.length, page: 1, per_page: 5, pages: 1 });
// No actor id: the actor is named by the recorded email, with no users lookup.
const entry = (over: Partial<AuditEvent>) => auditEntry({ actor_id: null, ...over });
const created = entry({ id: 'aud_1', action: 'tenant.created', occurred_at: '2026-11-30T10:00:01Z' });
const renamed = entry({ id: 'aud_2', action: 'tenant.updated', occurred_at: '2026-11-30T10:00:02Z' });

function historyList() {
  return within(screen.getByRole('region', { name: 'History' }));
}

describe('AuditHistory', () => {
  it('shows a change saved on the page at once (any write refreshes it, refused ones too)', async () => {
    let log = [created];
    mockFetch({ 'GET /api/v1/admin/audit/': () => jsonResponse(200, page(log)) });
    const { queryClient } = renderWithProviders(<AuditHistory resourceId="tnt_1" />);
    expect(await historyList().findByText(/created the tenant/)).toBeInTheDocument();

    // A save (any feature's mutation): the server has recorded it by the time it answers.
    log = [renamed, created];
    await queryClient
      .getMutationCache()
      .build(queryClient, { mutationFn: async () => 'saved' })
      .execute(undefined);
    expect(await historyList().findByText(/changed the tenant/)).toBeInTheDocument();

    // A refused save is recorded too.
    log = [entry({ id: 'aud_3', action: 'tenant.updated', result: 'failure', detail: 'Slug taken', occurred_at: '2026-11-30T10:00:03Z' }), ...log];
    await queryClient
      .getMutationCache()
      .build(queryClient, { mutationFn: () => Promise.reject(new Error('Slug taken')), onError: () => undefined })
      .execute(undefined)
      .catch(() => undefined);
    expect(await historyList().findByText(/refused: Slug taken/)).toBeInTheDocument();
  });

  it('gives each entry’s link a name of its own', async () => {
    mockFetch({ 'GET /api/v1/admin/audit/': jsonResponse(200, page([renamed, created])) });
    renderWithProviders(<AuditHistory resourceId="tnt_1" />);
    const links = await historyList().findAllByRole('link', { name: /^Details/ });
    const names = links.map((link) => link.getAttribute('aria-label'));
    expect(names).toEqual([
      expect.stringMatching(/^Details of changed the tenant Acme Corporation, .*10:00:02/),
      expect.stringMatching(/^Details of created the tenant Acme Corporation, .*10:00:01/),
    ]);
  });

  it('links to the full log filtered to the resource', async () => {
    mockFetch({ 'GET /api/v1/admin/audit/': jsonResponse(200, page([created])) });
    renderWithProviders(<AuditHistory resourceId="tnt_1" />);
    await historyList().findByText(/created the tenant/);
    expect(historyList().getByRole('link', { name: 'View the full log' })).toHaveAttribute('href', '/audit?resource=tnt_1');
  });

  it('names a partner by its name where the entry holds its id, and keeps the id when it cannot', async () => {
    const moved = entry({ changes: { partner_id: { before: 'prt_north', after: 'prt_gone' } } });
    mockFetch({
      'GET /api/v1/admin/audit/': jsonResponse(200, page([moved])),
      'GET /api/v1/admin/partners/': answersIds([{ id: 'prt_north', name: 'Northwind Partners', slug: 'north', status: 'ACTIVE', contact_email: null, max_tenants: null, max_users_per_tenant: null, max_applications_per_tenant: null }]),
      'GET /api/v1/admin/partners/prt_gone': jsonResponse(404, { detail: 'Partner not found' }),
    });
    renderWithProviders(<AuditHistory resourceId="tnt_1" />);
    expect(await historyList().findByText('Partner: Northwind Partners → prt_gone', { normalizer: (t) => t.replace(/\s+/g, ' ').trim() }, { timeout: 5000 })).toBeInTheDocument();
  });
});
