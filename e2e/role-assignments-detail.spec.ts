import { expect, expectNoAxeViolations, test } from './support/role-assignments-fixtures';
import { CLEANUP_LABEL, OWN_SUPER_ADMIN_REASON, revokeTitle } from './pages/role-assignment-detail-page';
import { displayName, freeUser, getAssignment, getUser, orphanCandidate, rolesOf, tenantName } from './support/role-assignments-data';

/** A datetime-local value `days` from now, in the browser's (and this process's) time zone. */
function localInDays(days: number): string {
  const at = new Date(Date.now() + days * 24 * 3600_000);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

test.describe('role assignment detail', () => {
  test('shows everything about the assignment, and deactivates and reactivates it at once', async ({ api, seeder, detailPage, makeAxeBuilder }) => {
    const user = await freeUser(api);
    const name = displayName(user);
    const tenant = await tenantName(api, user.tenant_id);
    const assignment = await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id });

    await detailPage.goTo(assignment.id);
    await detailPage.assertHeading(`Tenant Admin: ${name}`);
    await detailPage.assertField('User', name);
    await detailPage.assertField('User', user.email);
    await detailPage.assertField('Scope', tenant);
    await detailPage.assertField('Status', 'Active');
    await detailPage.assertField('Expires', 'Never');
    await detailPage.assertField('Granted by', 'Rhea Root');
    await expectNoAxeViolations(makeAxeBuilder());

    await detailPage.deactivate();
    await detailPage.assertField('Status', 'Inactive');
    await expect(detailPage.button('Activate')).toBeVisible();
    await expect.poll(async () => (await getAssignment(api, assignment.id))?.is_active).toBe(false);

    await detailPage.activate();
    await detailPage.assertField('Status', 'Active');
    await expect.poll(async () => (await getAssignment(api, assignment.id))?.is_active).toBe(true);
  });

  test('rolls the status back, with a message, when the server refuses', async ({ api, seeder, detailPage, page }) => {
    const user = await freeUser(api);
    const assignment = await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id });
    await detailPage.goTo(assignment.id);
    await detailPage.assertField('Status', 'Active');

    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`**/admin-roles/${assignment.id}`, async (route) => {
      if (route.request().method() !== 'PATCH') return route.fallback();
      await held;
      return route.fulfill({ status: 409, json: { detail: 'The assignment is locked by another change' } });
    });
    await detailPage.deactivate();
    // The UI answers at once, before the server does...
    await detailPage.assertField('Status', 'Inactive');
    release();
    // ...and goes back when the server refuses.
    await detailPage.assertField('Status', 'Active');
    await expect(page.getByRole('alert').filter({ hasText: 'Could not deactivate the assignment' })).toContainText('locked by another change');
    expect((await getAssignment(api, assignment.id))?.is_active).toBe(true);
  });

  test('sets, changes and clears the expiry; a past time is refused at the field with the input kept', async ({ api, seeder, detailPage }) => {
    const user = await freeUser(api);
    const assignment = await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id });
    await detailPage.goTo(assignment.id);

    await detailPage.setExpiry('2020-05-01T08:00');
    await expect(detailPage.expiryInput).toHaveAttribute('aria-invalid', 'true');
    await expect(detailPage.expiryInput).toHaveAccessibleDescription('The expiry must be in the future');
    await expect(detailPage.expiryInput).toHaveValue('2020-05-01T08:00');

    await detailPage.expiryInput.fill(localInDays(10));
    await detailPage.button('Save expiry').click();
    await detailPage.assertField('Expires', 'in 10 days');
    await expect.poll(async () => (await getAssignment(api, assignment.id))?.expires_at).not.toBeNull();

    await detailPage.setExpiry(localInDays(3));
    await detailPage.assertField('Expires', 'in 3 days');

    await detailPage.clearExpiry();
    await detailPage.assertField('Expires', 'Never');
    await expect.poll(async () => (await getAssignment(api, assignment.id))?.expires_at).toBeNull();
  });

  test('revoking without cleanup keeps the user', { tag: ['@destructive', '@stand-in'] }, async ({ api, detailPage, page, makeAxeBuilder, seeder }) => {
    // Half 0: the test below, running at the same time, removes users of half 1.
    const { user, assignment } = await orphanCandidate(api, 0);
    const name = displayName(user);
    await detailPage.goTo(assignment.id);
    const dialog = await detailPage.openRevoke(revokeTitle('Tenant Admin', name));
    await dialog.assertCancelFocused();
    await expect(dialog.checkbox(CLEANUP_LABEL)).toBeChecked();
    await expect(dialog.dialog).toContainText('they have never signed in');
    await expectNoAxeViolations(makeAxeBuilder());

    await dialog.setChecked(CLEANUP_LABEL, false);
    await dialog.confirm('Revoke');
    await dialog.assertClosed();
    await expect(page.getByRole('heading', { level: 1, name: 'Role assignments' })).toBeVisible();
    expect(await getAssignment(api, assignment.id)).toBeNull();
    expect(await getUser(api, user.id)).not.toBeNull();
    // Give the role back, so the seed keeps its orphan candidates for other runs.
    await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id ?? assignment.tenant_id });
    seeder.untrackAll();
  });

  test('revoking with cleanup removes the orphaned admin-only user', { tag: ['@destructive', '@stand-in'] }, async ({ api, detailPage, page }) => {
    const { user, assignment } = await orphanCandidate(api, 1);
    await detailPage.goTo(assignment.id);
    const dialog = await detailPage.openRevoke(revokeTitle('Tenant Admin', displayName(user)));
    await dialog.confirm('Revoke');
    await dialog.assertClosed();
    await expect(page.getByRole('heading', { level: 1, name: 'Role assignments' })).toBeVisible();
    expect(await getAssignment(api, assignment.id)).toBeNull();
    expect(await getUser(api, user.id)).toBeNull();
  });

  test('a failed revoke keeps the dialog open with the server message inside', { tag: '@destructive' }, async ({ api, seeder, detailPage, page }) => {
    const user = await freeUser(api);
    const assignment = await seeder.assign({ user_id: user.id, role: 'SUPER_ADMIN' });
    await page.route(`**/admin-roles/${assignment.id}?**`, (route) =>
      route.request().method() === 'DELETE'
        ? route.fulfill({ status: 400, json: { detail: 'You cannot revoke your own Super Admin role' } })
        : route.fallback(),
    );
    await detailPage.goTo(assignment.id);
    const dialog = await detailPage.openRevoke(revokeTitle('Super Admin', displayName(user)));
    await dialog.confirm('Revoke');
    await dialog.assertError('You cannot revoke your own Super Admin role');
    await dialog.assertOpen();
    expect(await getAssignment(api, assignment.id)).not.toBeNull();
  });

  test("the signed-in admin's own Super Admin role cannot be revoked, deactivated or given an expiry", async ({ api, detailPage }) => {
    const me = (await api.GET('/api/v1/admin/auth/me')).data!;
    const own = (await rolesOf(api, me.id)).find((r) => r.role === 'SUPER_ADMIN')!;
    await detailPage.goTo(own.id);
    await detailPage.assertHeading(`Super Admin: ${me.display_name}`);
    await expect(detailPage.button('Revoke')).toBeDisabled();
    await expect(detailPage.button('Deactivate')).toBeDisabled();
    await expect(detailPage.button('Revoke')).toHaveAccessibleDescription(OWN_SUPER_ADMIN_REASON);
    await expect(detailPage.button('Set expiry')).toBeDisabled();
    await expect(detailPage.button('Set expiry')).toHaveAccessibleDescription(OWN_SUPER_ADMIN_REASON);
    await expect(detailPage.main).toContainText(OWN_SUPER_ADMIN_REASON);
  });

  test('a missing assignment shows "not found" with a way back', async ({ detailPage, page, makeAxeBuilder }) => {
    await detailPage.goTo('adr_doesnotexist');
    await detailPage.assertHeading('Role assignment not found');
    await expectNoAxeViolations(makeAxeBuilder());
    await page.getByRole('link', { name: 'Back to all role assignments' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Role assignments' })).toBeVisible();
  });
});

test.describe("one user's roles", () => {
  test('lists every role of the user, reached from the list, with the same actions', { tag: '@destructive' }, async ({ api, seeder, listPage, userRolesPage, page, makeAxeBuilder }) => {
    const user = await freeUser(api);
    const name = displayName(user);
    const tenant = await tenantName(api, user.tenant_id);
    await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id });

    await listPage.goTo(`user=${user.id}`);
    await listPage.row(new RegExp(name)).getByRole('link', { name: `All roles of ${name}` }).click();
    await userRolesPage.assertHeading(`Roles of ${name}`);
    // Rows found by their role, not their scope: a user of ScaiKey Platform has 'Platform' in the
    // scope of both rows (their tenant's name, and the Super Admin's "Platform").
    await expect(userRolesPage.row(name, 'Tenant Admin')).toContainText(tenant);
    await expect(userRolesPage.row(name, 'Tenant Admin')).toContainText('Active');
    await expectNoAxeViolations(makeAxeBuilder());

    // Assign another role from here: the user is already chosen.
    const dialog = await userRolesPage.openAssignDialog();
    await expect(dialog.field(/^User/)).toHaveValue(name);
    await dialog.chooseRole('Super Admin');
    await dialog.submit();
    await dialog.assertClosed();
    await expect(userRolesPage.row(name, 'Super Admin')).toContainText('Platform');
    for (const r of await rolesOf(api, user.id)) seeder.track(r.id);

    await userRolesPage.deactivate(name, 'Super Admin');
    await expect(userRolesPage.row(name, 'Super Admin')).toContainText('Inactive');

    const revoke = await userRolesPage.openRevoke(name, 'Tenant Admin', revokeTitle('Tenant Admin', name));
    await revoke.setChecked(CLEANUP_LABEL, false);
    await revoke.confirm('Revoke');
    await revoke.assertClosed();
    await expect(userRolesPage.row(name, 'Tenant Admin')).toHaveCount(0);
    await expect(userRolesPage.row(name, 'Super Admin')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1, name: `Roles of ${name}` })).toBeVisible();
  });
});

test('a user who does not exist shows "not found" with a way back', async ({ userRolesPage, page }) => {
  await userRolesPage.goTo('usr_doesnotexist');
  await userRolesPage.assertHeading('User not found');
  await page.getByRole('link', { name: 'Back to all role assignments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Role assignments' })).toBeVisible();
});

test.describe('dark theme', { tag: '@a11y' }, () => {
  test.use({ colorScheme: 'dark' });

  test('the detail page, the revoke dialog and the assign dialog have no axe violations', async ({ api, seeder, detailPage, listPage, makeAxeBuilder }) => {
    const user = await freeUser(api);
    const assignment = await seeder.assign(
      { user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id, expires_at: new Date(Date.now() + 5 * 24 * 3600_000).toISOString() },
      { isActive: false },
    );
    await detailPage.goTo(assignment.id);
    await detailPage.assertField('Status', 'Inactive');
    await expectNoAxeViolations(makeAxeBuilder());
    const revoke = await detailPage.openRevoke(revokeTitle('Tenant Admin', displayName(user)));
    await expectNoAxeViolations(makeAxeBuilder());
    await revoke.cancel();
    await revoke.assertClosed();

    await listPage.goTo(`user=${user.id}`);
    await listPage.assertRow(new RegExp(displayName(user)), ['Inactive']);
    await expectNoAxeViolations(makeAxeBuilder());
    const dialog = await listPage.openAssignDialog();
    await dialog.submit();
    await dialog.assertFieldError(dialog.field(/^User/), 'Choose a user');
    await expectNoAxeViolations(makeAxeBuilder());
  });
});
