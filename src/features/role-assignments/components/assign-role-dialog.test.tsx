import { screen, waitFor, within } from '@testing-library/react';
import { anaLima, listPage } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import { anaTenantAdmin } from '../test-fixtures';
import { AssignRoleDialog } from './assign-role-dialog';

const ana = anaLima;
const acme = { id: 'tnt_acme', name: 'Acme Corporation', slug: 'acme' };
const northwind = { id: 'prt_nw', name: 'Northwind Partners', slug: 'northwind' };
const page = listPage;
const created = { ...anaTenantAdmin, id: 'adr_new' };

function setup(answer: (body: Record<string, unknown>) => Response) {
  const bodies: Record<string, unknown>[] = [];
  mockFetch({
    'GET /api/v1/admin/users/': jsonResponse(200, page([ana])),
    'GET /api/v1/admin/tenants/': jsonResponse(200, page([acme])),
    'GET /api/v1/admin/partners/': jsonResponse(200, page([northwind])),
    'POST /api/v1/admin/admin-roles/': async (request) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      return answer(body);
    },
  });
  const onClose = vi.fn();
  const rendered = renderWithProviders(<AssignRoleDialog open onClose={onClose} />);
  const dialog = screen.getByRole('dialog', { name: 'Assign role' });
  const { user } = rendered;
  const pick = async (label: RegExp, option: RegExp) => {
    await user.click(within(dialog).getByRole('combobox', { name: label }));
    await user.click(await screen.findByRole('option', { name: option }));
  };
  const chooseRole = async (role: string) => {
    await user.click(within(dialog).getByRole('combobox', { name: /^Role/ }));
    await user.click(await screen.findByRole('option', { name: role }));
  };
  const submit = () => user.click(within(dialog).getByRole('button', { name: 'Assign role' }));
  return { dialog, bodies, onClose, user, pick, chooseRole, submit };
}

// Whole-dialog flows with MUI pickers take a few seconds on a busy machine.
describe('AssignRoleDialog', { timeout: 30_000 }, () => {
  it('sends only the scope of the chosen role, after switching roles', async () => {
    const { dialog, bodies, onClose, pick, chooseRole, submit } = setup(() => jsonResponse(201, created));
    await pick(/^User/, /Ana Lima/);
    await chooseRole('Partner Admin');
    await pick(/^Partner/, /Northwind Partners/);
    await chooseRole('Tenant Admin');
    expect(within(dialog).queryByRole('combobox', { name: /^Partner/ })).not.toBeInTheDocument();
    await pick(/^Tenant/, /Acme Corporation/);
    await submit();

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(bodies).toEqual([{ user_id: 'usr_ana', role: 'TENANT_ADMIN', tenant_id: 'tnt_acme' }]);
  });

  it('names the user, role and scope on a 409, and keeps every choice', async () => {
    const { dialog, onClose, pick, chooseRole, submit } = setup(() =>
      jsonResponse(409, { detail: 'User usr_ana already has an active TENANT_ADMIN role for tenant tnt_acme' }),
    );
    await pick(/^User/, /Ana Lima/);
    await chooseRole('Tenant Admin');
    await pick(/^Tenant/, /Acme Corporation/);
    await submit();

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Ana Lima already has an active Tenant Admin role for Acme Corporation.',
    );
    expect(within(dialog).getByRole('combobox', { name: /^User/ })).toHaveValue('Ana Lima');
    expect(within(dialog).getByRole('combobox', { name: /^Tenant/ })).toHaveValue('Acme Corporation');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('puts a 422 on its field without the "Value error" prefix, and anything else in the form alert', async () => {
    let status = 422;
    const { dialog, pick, chooseRole, submit } = setup(() =>
      status === 422
        ? jsonResponse(422, { detail: [{ loc: ['body', 'user_id'], msg: 'Value error, user is suspended', type: 'value_error' }] })
        : jsonResponse(500, { detail: 'Database unavailable' }),
    );
    await pick(/^User/, /Ana Lima/);
    await chooseRole('Super Admin');
    await submit();
    const userField = within(dialog).getByRole('combobox', { name: /^User/ });
    await waitFor(() => expect(userField).toHaveAccessibleDescription('User is suspended'));
    expect(userField).toHaveAttribute('aria-invalid', 'true');

    status = 500;
    await submit();
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Database unavailable');
    expect(userField).toHaveValue('Ana Lima');
  });

  it('refuses a missing user, role or scope, and an expiry in the past, before sending anything', async () => {
    const { dialog, bodies, chooseRole, submit, user } = setup(() => jsonResponse(201, created));
    await user.type(within(dialog).getByLabelText(/^Expires at/), '2020-01-01T10:00');
    await submit();
    // Everything missing at once, even before a role is chosen.
    expect(await within(dialog).findByText('Choose a role')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose a user')).toBeInTheDocument();
    expect(within(dialog).getByText('The expiry must be in the future')).toBeInTheDocument();
    await chooseRole('Tenant Admin');
    await submit();
    expect(await within(dialog).findByText('Choose a user')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose a tenant')).toBeInTheDocument();
    expect(within(dialog).getByText('The expiry must be in the future')).toBeInTheDocument();
    expect(bodies).toEqual([]);
  });
});
