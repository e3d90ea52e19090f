import { act, screen, within } from '@testing-library/react';
import { anaLima } from '@/testing/lookup-fixtures';
import { renderWithProviders } from '@/testing/render-with-providers';
import type { AssignmentNames } from '../api/names';
import { anaTenantAdmin } from '../test-fixtures';
import { AssignmentsTable } from './assignments-table';

const names: AssignmentNames = {
  user: () => ({ state: 'found', record: anaLima }),
  tenant: () => ({ state: 'found', record: { id: 'tnt_acme', name: 'Acme Corporation', slug: 'acme' } as never }),
  partner: () => ({ state: 'loading' }),
};

describe('AssignmentsTable', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('moves on with the clock: an assignment shows as expired once its time has passed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const expiresAt = new Date(Date.now() + 30_000).toISOString();
    renderWithProviders(<AssignmentsTable label="Role assignments" assignments={[{ ...anaTenantAdmin, expires_at: expiresAt }]} names={names} />);
    const row = (await screen.findByRole('link', { name: 'All roles of Ana Lima' })).closest('tr')!;
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(row).getByText('in less than a minute')).toBeInTheDocument();

    await act(async () => {
      vi.advanceTimersByTime(61_000);
    });
    expect(within(row).getByText('Expired')).toBeInTheDocument();
    expect(within(row).getByText(/minute ago/)).toBeInTheDocument();
  });
});
