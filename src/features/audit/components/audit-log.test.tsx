import { screen, within } from '@testing-library/react';
import { auditEntry } from '@/testing/audit-fixtures';
import { answersIds } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import type { AuditEvent } from '../api/queries';
import { AuditLog } from './audit-log';

/** The audit log's rows: the action in words and, under it, what changed, in the words History uses. */

const page = (items: AuditEvent[]) => ({ items, total: items.length, page: 1, per_page: 20, pages: 1 });
// No actor id: the actor is named by the recorded email, with no users lookup.
const entry = (over: Partial<AuditEvent>) => auditEntry({ actor_id: null, ...over });
const tighter = entry({
  id: 'aud_2',
  action: 'tenant.settings_updated',
  occurred_at: '2026-11-30T10:00:02Z',
  changes: {
    'settings.session_timeout': { before: 480, after: 60 },
    'settings.mfa_required': { before: false, after: true },
  },
});
const signedIn = entry({ id: 'aud_1', action: 'auth.sign_in_succeeded', resource_type: 'session', resource_id: null, resource_name: null, tenant_id: null, occurred_at: '2026-11-30T10:00:01Z' });

function serve(items: AuditEvent[]) {
  mockFetch({
    'GET /api/v1/admin/audit/': jsonResponse(200, page(items)),
    'GET /api/v1/admin/audit/actions': jsonResponse(200, ['tenant.settings_updated', 'auth.sign_in_succeeded']),
    'GET /api/v1/admin/audit/resource-types': jsonResponse(200, ['tenant', 'session']),
    'GET /api/v1/admin/tenants/': answersIds([{ id: 'tnt_1', name: 'Acme Corporation' }]),
  });
}

/** The element holding exactly this text, across the spans it is drawn in. */
const wholeText = (text: string) => (_: string, element: Element | null) => element?.textContent === text && [...element.children].every((child) => child.textContent !== text);

describe('AuditLog', () => {
  it('shows under a row’s action what changed, as History says it, and nothing under a row without changes', async () => {
    serve([tighter, signedIn]);
    renderWithProviders(<AuditLog />, { route: '/audit' });
    const table = await screen.findByRole('table', { name: 'Audit log' });
    const [, changed, bare] = await within(table).findAllByRole('row');

    const action = within(changed!).getAllByRole('cell')[1]!;
    expect(action).toHaveTextContent('changed the security settings of Acme Corporation');
    // On a line of its own, apart from the action's words.
    const summary = within(action).getByText(wholeText('Session timeout: 8 hours → 1 hour; MFA required: No → Yes'));
    expect(summary).not.toHaveTextContent(/changed/);

    expect(within(bare!).getAllByRole('cell')[1]).toHaveTextContent(/^signed in$/);
  });

  it('names the time filter “Time range”', async () => {
    serve([tighter]);
    renderWithProviders(<AuditLog />, { route: '/audit' });
    expect(await screen.findByRole('combobox', { name: 'Time range' })).toBeInTheDocument();
  });
});
