import { screen, waitFor, within } from '@testing-library/react';
import { anaLima } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import { isoToLocalDateTime } from '@/utils/dates';
import type { AssignmentNames } from '../api/names';
import type { RoleAssignment } from '../api/queries';
import { addDays, UNTIL_NOT_LATER } from '../extend';
import { anaTenantAdmin } from '../test-fixtures';
import { AssignmentsTable } from './assignments-table';

const names: AssignmentNames = {
  user: () => ({ state: 'found', record: anaLima }),
  tenant: () => ({ state: 'found', record: { id: 'tnt_acme', name: 'Acme Corporation', slug: 'acme' } as never }),
  partner: () => ({ state: 'loading' }),
};
const DAY = 24 * 3600_000;
const MENU_BUTTON = 'More actions for Tenant Admin of Ana Lima for Acme Corporation: extend';

function setup(assignment: RoleAssignment, answer?: (body: Record<string, unknown>) => Response, currentAdminId?: string, button = MENU_BUTTON) {
  const bodies: Record<string, unknown>[] = [];
  mockFetch({
    [`PATCH /api/v1/admin/admin-roles/${assignment.id}`]: async (request) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      return answer ? answer(body) : jsonResponse(200, { ...assignment, ...body });
    },
  });
  const rendered = renderWithProviders(
    <AssignmentsTable label="Role assignments" assignments={[assignment]} names={names} currentAdminId={currentAdminId} />,
  );
  const openMenu = async () => {
    await rendered.user.click(await screen.findByRole('button', { name: button }));
    return screen.findByRole('menu');
  };
  return { ...rendered, bodies, openMenu };
}

describe("a row's Extend menu", () => {
  it('is not offered without an expiry', async () => {
    renderWithProviders(<AssignmentsTable label="Role assignments" assignments={[anaTenantAdmin]} names={names} />);
    await screen.findByRole('link', { name: 'All roles of Ana Lima' });
    expect(screen.queryByRole('button', { name: /^More actions/ })).not.toBeInTheDocument();
  });

  it('adds 30 days to the current expiry in one PATCH, showing the date first, and says so', async () => {
    const expiresAt = new Date(Date.now() + 10 * DAY).toISOString();
    const { openMenu, user, bodies } = setup({ ...anaTenantAdmin, expires_at: expiresAt });
    const menu = await openMenu();
    expect(menu).toHaveAccessibleName('Extend Tenant Admin of Ana Lima');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^\+7 days/),
      expect.stringMatching(/^\+30 days/),
      expect.stringMatching(/^\+90 days/),
      'To a date…',
    ]);
    await user.click(within(menu).getByRole('menuitem', { name: /^\+30 days/ }));
    await waitFor(() => expect(bodies).toEqual([{ expires_at: addDays(new Date(expiresAt), 30).toISOString() }]));
    expect(await screen.findByText(/^Extended to /)).toBeInTheDocument();
  });

  it('renews an expired assignment: counted from now, active again, in the same request', async () => {
    const expired = { ...anaTenantAdmin, is_active: false, expires_at: new Date(Date.now() - DAY).toISOString() };
    // The row's button and each choice say Renew.
    const { openMenu, user, bodies } = setup(expired, undefined, undefined, 'More actions for Tenant Admin of Ana Lima for Acme Corporation: renew');
    const menu = await openMenu();
    expect(menu).toHaveAccessibleName('Renew Tenant Admin of Ana Lima, counted from now');
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Renew for \+7 days ?until /),
      expect.stringMatching(/^Renew for \+30 days ?until /),
      expect.stringMatching(/^Renew for \+90 days ?until /),
      'To a date…',
    ]);
    const before = Date.now();
    await user.click(within(menu).getByRole('menuitem', { name: /^Renew for \+7 days/ }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ is_active: true });
    const sent = Date.parse(bodies[0]!.expires_at as string);
    expect(sent).toBeGreaterThanOrEqual(addDays(new Date(before), 7).getTime());
    expect(sent).toBeLessThanOrEqual(addDays(new Date(), 7).getTime());
    expect(await screen.findByText(/^Renewed until /)).toBeInTheDocument();
  });

  it("says the server's reason when it refuses", async () => {
    const { openMenu, user } = setup({ ...anaTenantAdmin, expires_at: new Date(Date.now() + DAY).toISOString() }, () =>
      jsonResponse(409, { detail: 'Ana Lima already holds Tenant Admin for Acme Corporation' }),
    );
    await user.click(within(await openMenu()).getByRole('menuitem', { name: /^\+90 days/ }));
    expect(await screen.findByText('Could not extend the assignment: Ana Lima already holds Tenant Admin for Acme Corporation')).toBeInTheDocument();
  });

  it('to a date: a date before the current expiry is refused at the field, and what was typed stays', async () => {
    const expiresAt = new Date(Date.now() + 10 * DAY);
    const { openMenu, user, bodies } = setup({ ...anaTenantAdmin, expires_at: expiresAt.toISOString() });
    await user.click(within(await openMenu()).getByRole('menuitem', { name: 'To a date…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Extend Tenant Admin of Ana Lima to a date' });
    const field = within(dialog).getByLabelText(/^New expiry/);
    const earlier = isoToLocalDateTime(new Date(Date.now() + 5 * DAY).toISOString());
    await user.clear(field);
    await user.type(field, earlier);
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    expect(await within(dialog).findByText(UNTIL_NOT_LATER)).toBeInTheDocument();
    expect(field).toHaveValue(earlier);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(bodies).toEqual([]);

    const later = isoToLocalDateTime(new Date(Date.now() + 40 * DAY).toISOString());
    await user.clear(field);
    await user.type(field, later);
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    await waitFor(() => expect(bodies).toEqual([{ expires_at: new Date(later).toISOString() }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it("is refused, with the reason, on the admin's own Super Admin role", async () => {
    const own = { ...anaTenantAdmin, role: 'SUPER_ADMIN', tenant_id: null, expires_at: new Date(Date.now() + DAY).toISOString() } as RoleAssignment;
    const { user, bodies } = setup(own, undefined, anaLima.id);
    await user.click(await screen.findByRole('button', { name: 'More actions for Super Admin of Ana Lima for Platform: extend' }));
    const menu = await screen.findByRole('menu');
    expect(menu).toHaveAccessibleDescription(/^This is your own Super Admin role/);
    for (const item of within(menu).getAllByRole('menuitem')) expect(item).toHaveAttribute('aria-disabled', 'true');
    expect(bodies).toEqual([]);
  });
});
