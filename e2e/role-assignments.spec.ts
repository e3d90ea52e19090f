import { expect, expectNoAxeViolations, test } from './support/role-assignments-fixtures';
import { lookupsPerKind, recordAdminApiRequests } from './support/admin-api-requests';
import { displayName, freeUser, getAssignment, rolesOf, tenantName } from './support/role-assignments-data';

/** One of the quick filter's counts: a single row of an expiry window. */
const isExpiryCount = (request: string) => /[?&]per_page=1&/.test(request) && request.includes('expires_');

test.describe('role assignments list', () => {
  test('shows names, role, scope, status and expiry, and finds a row by its user', async ({ api, seeder, listPage, page, makeAxeBuilder }) => {
    const user = await freeUser(api);
    const name = displayName(user);
    const tenant = await tenantName(api, user.tenant_id);
    const inThreeDays = new Date(Date.now() + 3 * 24 * 3600_000 + 3600_000).toISOString();
    await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id, expires_at: inThreeDays });

    await listPage.goTo(`user=${user.id}`);
    await listPage.assertRow(new RegExp(name), [user.email, 'Tenant Admin', tenant, 'Active', 'in 3 days']);
    // The exact time shows on keyboard focus, too.
    await listPage.row(new RegExp(name)).getByText('in 3 days').focus();
    await expect(page.getByRole('tooltip')).toBeVisible();
    await expect(listPage.row(new RegExp(name)).getByRole('link', { name: tenant })).toBeVisible();
    await expectNoAxeViolations(makeAxeBuilder());
  });

  test('filters by role, status and user, all kept in the URL through reload and history', async ({ api, seeder, listPage, page }) => {
    const user = await freeUser(api);
    const name = displayName(user);
    await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id }, { isActive: false });

    await listPage.goTo();
    await listPage.selectFilter('Role', 'Tenant Admin');
    await listPage.assertUrlParams({ role: 'TENANT_ADMIN', status: null });
    await listPage.selectFilter('Status', 'Inactive');
    await listPage.assertUrlParams({ role: 'TENANT_ADMIN', status: 'inactive' });
    await listPage.filterByUser(user.email);
    await listPage.assertUrlParams({ role: 'TENANT_ADMIN', status: 'inactive', user: user.id });
    await listPage.assertRow(new RegExp(name), ['Inactive']);
    await expect(listPage.dataRows).toHaveCount(1);

    await page.reload();
    await listPage.assertRow(new RegExp(name), ['Inactive']);
    await expect(listPage.filters.getByRole('combobox', { name: /^User/ })).toHaveValue(name);

    // Those in force only: this user's inactive assignment is not among them.
    await listPage.selectFilter('Status', 'In force');
    await listPage.assertEmpty('No role assignments match these filters');
    await page.goBack();
    await listPage.assertUrlParams({ role: 'TENANT_ADMIN', status: 'inactive', user: user.id });
    await listPage.assertRow(new RegExp(name));

    await page.goForward();
    await listPage.assertEmpty('No role assignments match these filters');
    await listPage.clearFiltersFromEmptyState();
    await listPage.assertUrlParams({ role: null, status: null, user: null });
    await expect(listPage.dataRows).toHaveCount(20);
  });

  test('shows every name of a page after at most 5 Admin API requests: the list, the admin, one look-up per kind', async ({ listPage, page }) => {
    const requests = recordAdminApiRequests(page);
    await listPage.goTo();
    await listPage.assertAllNamesShown();
    // Counted once every name shows: what it took, not what came after. The quick filter's
    // counts (one row each, shared with the navigation) are not part of the page.
    const needed = requests.filter((r) => !isExpiryCount(r));
    expect(needed.length, needed.join('\n')).toBeLessThanOrEqual(5);
    expect(Object.values(lookupsPerKind(needed)).every((n) => n <= 1), needed.join('\n')).toBe(true);
    expect(needed.some((r) => r.includes('ids=')), needed.join('\n')).toBe(true);

    // The next page: its list and its new names only, each kind in one request again.
    requests.length = 0;
    await listPage.goToNextPage();
    await listPage.assertRange(/^21–40 of \d+/);
    await listPage.assertAllNamesShown();
    expect(requests.filter((r) => !isExpiryCount(r)).length, requests.join('\n')).toBeLessThanOrEqual(4);
    expect(Object.values(lookupsPerKind(requests)).every((n) => n <= 1), requests.join('\n')).toBe(true);
  });

  test('paginates 20, 50 or 100 rows, and the page lives in the URL', async ({ listPage, page }) => {
    await listPage.goTo();
    await expect(listPage.dataRows).toHaveCount(20);
    await listPage.assertRange(/^1–20 of \d+/);
    await listPage.goToNextPage();
    await listPage.assertUrlParams({ page: '2' });
    await listPage.assertRange(/^21–40 of \d+/);
    await listPage.setRowsPerPage(50);
    await listPage.assertUrlParams({ page: null, per_page: '50' });
    await expect(listPage.dataRows).toHaveCount(50);
    await page.goBack();
    await listPage.assertUrlParams({ page: '2', per_page: null });
    await listPage.assertRange(/^21–40 of \d+/);
  });

  test('a bad value in the URL falls back to the default instead of failing', async ({ listPage }) => {
    await listPage.goTo('page=-3&per_page=7&role=OWNER&status=maybe');
    await expect(listPage.dataRows).toHaveCount(20);
    await listPage.assertRange(/^1–20 of \d+/);
    await expect(listPage.filters.getByRole('combobox', { name: /^Role/ })).toContainText('Any role');
  });

  test('an unknown user in the URL shows an empty result that offers to clear the filter', async ({ listPage }) => {
    await listPage.goTo('user=usr_doesnotexist');
    await listPage.assertEmpty('No role assignments match these filters');
    await listPage.clearFiltersFromEmptyState();
    await expect(listPage.dataRows).toHaveCount(20);
  });

  test('shows a failed load in place, with Retry', async ({ listPage, page }) => {
    let failing = true;
    await page.route(/\/api\/v1\/admin\/admin-roles\/?\?/, async (route) => {
      if (failing) await route.fulfill({ status: 503, json: { detail: 'Service unavailable' } });
      else await route.fallback();
    });
    await page.goto('role-assignments');
    await expect(page.getByRole('heading', { level: 1, name: 'Role assignments' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Service unavailable');
    failing = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(listPage.dataRows).toHaveCount(20);
  });
});

test.describe('assign role', () => {
  test('assigns each role with only the scope it needs, and the new rows are listed', async ({ api, seeder, listPage, page }) => {
    const user = await freeUser(api);
    const name = displayName(user);
    const tenant = await tenantName(api, user.tenant_id);

    await listPage.goTo();
    for (const role of ['Tenant Admin', 'Partner Admin', 'Super Admin'] as const) {
      const dialog = await listPage.openAssignDialog();
      await dialog.pickUser(user.email);
      await dialog.chooseRole(role);
      if (role === 'Tenant Admin') await dialog.pickTenant(tenant, tenant);
      if (role === 'Partner Admin') await dialog.pickPartner('Northwind', 'Northwind');
      await dialog.submit();
      await dialog.assertClosed();
      await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: `Assigned ${role} to ${name}` })).toBeVisible();
    }
    const roles = await rolesOf(api, user.id);
    for (const r of roles) seeder.track(r.id);
    // Each carries exactly the scope of its role (the stand-in refuses a scope a role does not use).
    expect(roles.map((r) => [r.role, r.partner_id !== null, r.tenant_id !== null]).sort()).toEqual([
      ['PARTNER_ADMIN', true, false],
      ['SUPER_ADMIN', false, false],
      ['TENANT_ADMIN', false, true],
    ]);

    await listPage.filterByUser(user.email);
    await expect(listPage.dataRows).toHaveCount(3);
    // Found by role: the user's own tenant may be "ScaiKey Platform", which /Platform/ would also find.
    await listPage.assertRow(/Super Admin/, [name, 'Platform']);
    await listPage.assertRow(/Partner Admin/, [name, 'Northwind']);
    await listPage.assertRow(/Tenant Admin/, [name, tenant]);
  });

  test('switching role hides and clears the field that no longer applies', async ({ listPage }) => {
    await listPage.goTo();
    const dialog = await listPage.openAssignDialog();
    await dialog.chooseRole('Tenant Admin');
    await expect(dialog.field(/^Tenant/)).toBeVisible();
    await dialog.pickTenant('Acme', 'Acme Corporation');
    await dialog.chooseRole('Partner Admin');
    await expect(dialog.field(/^Tenant/)).toHaveCount(0);
    await expect(dialog.field(/^Partner/)).toHaveValue('');
    await dialog.chooseRole('Tenant Admin');
    await expect(dialog.field(/^Tenant/)).toHaveValue('');
  });

  test('shows each validation error at its field, keeps the input, and passes axe with errors showing', async ({ listPage, makeAxeBuilder }) => {
    await listPage.goTo();
    const dialog = await listPage.openAssignDialog();
    await dialog.submit();
    await dialog.assertFieldError(dialog.roleSelect, /Choose a role/);
    await dialog.assertFieldError(dialog.field(/^User/), 'Choose a user');
    await dialog.chooseRole('Tenant Admin');
    await dialog.fillExpiresAt('2020-01-01T10:00');
    await dialog.submit();
    await dialog.assertFieldError(dialog.field(/^User/), 'Choose a user');
    await dialog.assertFieldError(dialog.field(/^Tenant/), 'Choose a tenant');
    await dialog.assertFieldError(dialog.expiresAt, 'The expiry must be in the future');
    await expect(dialog.expiresAt).toHaveValue('2020-01-01T10:00');
    await expect(dialog.roleSelect).toContainText('Tenant Admin');
    await expectNoAxeViolations(makeAxeBuilder());
  });

  test('a duplicate (409) says who already holds which role, and nothing typed is lost', async ({ api, seeder, listPage }) => {
    const user = await freeUser(api);
    const name = displayName(user);
    const tenant = await tenantName(api, user.tenant_id);
    await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id });

    await listPage.goTo();
    const dialog = await listPage.openAssignDialog();
    await dialog.pickUser(user.email);
    await dialog.chooseRole('Tenant Admin');
    await dialog.pickTenant(tenant, tenant);
    await dialog.submit();
    await dialog.assertFormError(`${name} already has an active Tenant Admin role for ${tenant}`);
    await expect(dialog.field(/^User/)).toHaveValue(name);
    await expect(dialog.field(/^Tenant/)).toHaveValue(tenant);
    expect((await rolesOf(api, user.id)).length).toBe(1);
  });

  test('a server 422 lands on its field (an expiry that passed while the form was open)', async ({ api, listPage, page }) => {
    const user = await freeUser(api);
    await listPage.goTo();
    const dialog = await listPage.openAssignDialog();
    await dialog.pickUser(user.email);
    await dialog.chooseRole('Super Admin');
    const soon = new Date(Date.now() + 60 * 60_000);
    const local = new Date(soon.getTime() - soon.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await dialog.fillExpiresAt(local);
    // The server's clock is ahead: it refuses the expiry as already past.
    await page.route(/\/admin-roles\/?$/, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 422,
            json: { detail: [{ loc: ['body', 'expires_at'], msg: 'Value error, expires_at must be in the future', type: 'value_error' }] },
          })
        : route.fallback(),
    );
    await dialog.submit();
    await dialog.assertFieldError(dialog.expiresAt, 'Expires_at must be in the future');
    await expect(dialog.expiresAt).toHaveValue(local);
    await expect(dialog.field(/^User/)).toHaveValue(displayName(user));
    expect(await rolesOf(api, user.id)).toEqual([]);
  });

  test('one double click creates one assignment', async ({ api, seeder, listPage, page }) => {
    const user = await freeUser(api);
    await listPage.goTo();
    const dialog = await listPage.openAssignDialog();
    await dialog.pickUser(user.email);
    await dialog.chooseRole('Super Admin');
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/admin-roles')) posts++;
    });
    await dialog.dialog.getByRole('button', { name: 'Assign role' }).dblclick();
    await dialog.assertClosed();
    const roles = await rolesOf(api, user.id);
    for (const r of roles) seeder.track(r.id);
    expect(roles).toHaveLength(1);
    expect(posts).toBe(1);
    expect(await getAssignment(api, roles[0]!.id)).not.toBeNull();
  });
});

test.describe('role assignments by expiry', () => {
  test('an assignment expiring in 3 days shows under "Expiring within 7 days", and the navigation counts it', async ({ api, seeder, listPage, page, makeAxeBuilder }) => {
    const user = await freeUser(api);
    const name = displayName(user);
    const inThreeDays = new Date(Date.now() + 3 * 24 * 3600_000 + 3600_000).toISOString();
    await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id, expires_at: inThreeDays });

    await listPage.goTo(`user=${user.id}`);
    // Loaded after the assignment was made: at least this one, and the same count as the quick filter's.
    const inNav = await listPage.navExpiringCount();
    expect(inNav).toBeGreaterThanOrEqual(1);
    expect(await listPage.quickFilterCount('Expiring within 7 days')).toBe(inNav);
    await listPage.chooseQuickFilter('Expiring within 7 days');
    await listPage.assertUrlParams({ expiring: '7d', user: user.id });
    await listPage.assertRow(new RegExp(name), ['Active', 'in 3 days']);
    await expectNoAxeViolations(makeAxeBuilder());

    await listPage.chooseQuickFilter('Within 30 days');
    await listPage.assertUrlParams({ expiring: '30d', user: user.id });
    await listPage.assertRow(new RegExp(name));
    await listPage.chooseQuickFilter('Expired');
    await listPage.assertEmpty('No role assignments match these filters');

    await page.reload();
    await expect(listPage.quickFilter('Expired')).toHaveAttribute('aria-pressed', 'true');
  });

  test('the status filter: In force, Inactive, Expired (the expiry counts whatever the flag says)', async ({ api, seeder, listPage }) => {
    const user = await freeUser(api);
    const name = displayName(user);
    await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id }, { isActive: false });

    // An old shared link (status=active) opens as In force.
    await listPage.goTo(`user=${user.id}&status=active`);
    await listPage.assertStatusFilter('In force');
    await listPage.assertEmpty('No role assignments match these filters');
    await listPage.selectFilter('Status', 'Inactive');
    await listPage.assertUrlParams({ status: 'inactive', user: user.id });
    await listPage.assertRow(new RegExp(name), ['Inactive']);

    // An assignment of their own that expires within seconds (the API refuses a past expiry), so the
    // test runs on any server, seeded or not.
    const expiresAt = new Date(Date.now() + 3_000);
    await seeder.assign({ user_id: user.id, role: 'TENANT_ADMIN', tenant_id: user.tenant_id, expires_at: expiresAt.toISOString() });
    await expect.poll(() => Date.now(), { timeout: 10_000 }).toBeGreaterThan(expiresAt.getTime() + 500);
    await listPage.goTo(`user=${user.id}`);
    await listPage.selectFilter('Status', 'Expired');
    await listPage.assertUrlParams({ status: 'expired', user: user.id });
    // Retried assertions only: the unfiltered page (both of theirs) stays dimmed on screen until the
    // filtered one replaces it, so a snapshot of the rows taken now may hold rows about to go.
    await expect(listPage.dataRows).toHaveCount(1);
    await expect(listPage.dataRows.first()).toContainText('Expired');
    await listPage.selectFilter('Status', 'In force');
    await listPage.assertUrlParams({ status: 'in_force', user: user.id });
    // Retried until the page in force replaces the expired one.
    await expect(listPage.table.getByText('Expired', { exact: true })).toHaveCount(0);
  });
});
