import { expect, expectNoAxeViolations, test } from './pages/tenant-fixtures';
import { uniqueSlug } from './pages/tenant-seeder';
import { lookupsPerKind, recordAdminApiRequests } from './support/admin-api-requests';
import { uniqueName } from './support/api';

test.describe('the tenants list', () => {
  test('search, status and partner filters and pages live in the URL and survive reload and back', async ({
    page,
    tenants,
    tenantsPage,
  }) => {
    const [first, second] = await tenants.partners(2);
    const word = uniqueName('Quokka').replace(' ', '');
    const alpha = await tenants.create({ name: `${word} Alpha`, partner_id: first!.id, contact_email: 'alpha@quokka.example' });
    const beta = await tenants.create({ name: `${word} Beta`, partner_id: first!.id, status: 'SUSPENDED' });
    const gamma = await tenants.create({ name: `${word} Gamma`, partner_id: second!.id });

    await tenantsPage.goTo();
    await tenantsPage.search(word);
    await expect(page).toHaveURL(new RegExp(`[?&]search=${word}`));
    await tenantsPage.assertOnlyRows([alpha.name, beta.name, gamma.name]);
    await tenantsPage.assertCount('3 tenants');
    await tenantsPage.assertRow(alpha.name, [alpha.slug, 'Active', first!.name, 'alpha@quokka.example']);

    await tenantsPage.filterByStatus('Suspended');
    await expect(page).toHaveURL(/status=SUSPENDED/);
    await tenantsPage.assertOnlyRows([beta.name]);
    await tenantsPage.assertRow(beta.name, ['Suspended', first!.name]);

    // Back undoes the status filter, and forward brings it back.
    await page.goBack();
    await expect(page).not.toHaveURL(/status=/);
    await expect(tenantsPage.statusFilter).toHaveText('Any status');
    await tenantsPage.assertOnlyRows([alpha.name, beta.name, gamma.name]);
    await page.goForward();
    await expect(tenantsPage.statusFilter).toHaveText('Suspended');
    await tenantsPage.assertOnlyRows([beta.name]);

    // The URL alone reproduces the view.
    await page.reload();
    await expect(tenantsPage.searchBox).toHaveValue(word);
    await expect(tenantsPage.statusFilter).toHaveText('Suspended');
    await tenantsPage.assertOnlyRows([beta.name]);
    await tenantsPage.filterByStatus('Any status');
    await tenantsPage.assertOnlyRows([alpha.name, beta.name, gamma.name]);

    await tenantsPage.filterByPartner(second!.name);
    await expect(page).toHaveURL(new RegExp(`partner_id=${second!.id}`));
    await tenantsPage.assertOnlyRows([gamma.name]);
    await page.reload();
    await expect(tenantsPage.partnerFilter).toHaveValue(second!.name);
    await tenantsPage.assertOnlyRows([gamma.name]);

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(tenantsPage.searchBox).toHaveValue('');
    await expect(page).not.toHaveURL(/search=|partner_id=/);
  });

  test('typing a search sends one request once typing pauses, not one per keystroke', async ({ page, tenants, tenantsPage }) => {
    const tenant = await tenants.create({ name: uniqueName('Debounced') });
    await tenantsPage.goTo();
    await expect(tenantsPage.rows).toHaveCount(20);
    const searches: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      const search = url.searchParams.get('search');
      if (/\/api\/v1\/admin\/tenants\/?$/.test(url.pathname) && search !== null) searches.push(search);
    });
    await tenantsPage.searchBox.pressSequentially(tenant.slug, { delay: 20 });
    await expect(tenantsPage.searchBox).toHaveValue(tenant.slug);
    // The request for the whole slug (a prefix's answer may already show the same single row).
    await expect.poll(() => searches.at(-1)).toBe(tenant.slug);
    await tenantsPage.assertOnlyRows([tenant.name]);
    // One request for the whole slug (a busy machine may let a pause slip in, never one per key).
    expect(searches.length).toBeLessThanOrEqual(3);
    expect(tenant.slug.length).toBeGreaterThan(10);
  });

  test('names every partner of a page with one look-up', async ({ page, tenantsPage }) => {
    const requests = recordAdminApiRequests(page);
    await tenantsPage.goTo();
    await expect(tenantsPage.rows).toHaveCount(20);
    await expect(tenantsPage.table).not.toContainText('Loading…');
    await expect(tenantsPage.table).not.toContainText('(name unavailable)');
    expect(lookupsPerKind(requests).partners, requests.join('\n')).toBeLessThanOrEqual(1);
  });

  test('pages through every tenant one server page at a time', async ({ page, tenantsPage }) => {
    const pageRequests: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() === 'GET' && /\/api\/v1\/admin\/tenants\/?$/.test(url.pathname)) pageRequests.push(url);
    });

    await tenantsPage.goTo();
    await expect(tenantsPage.rows).toHaveCount(20);
    await tenantsPage.assertCount(/^[\d,]+ tenants$/);
    await tenantsPage.goToNextPage();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(tenantsPage.rows).toHaveCount(20);
    await expect(page.getByText(/^21–40 of [\d,]+$/)).toBeVisible();

    await tenantsPage.setPageSize(50);
    await expect(page).toHaveURL(/per_page=50/);
    await expect(page).not.toHaveURL(/[?&]page=/);
    await expect(tenantsPage.rows).toHaveCount(50);

    await page.goBack();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(tenantsPage.rows).toHaveCount(20);

    // Never more than one page asked for, whatever the number of tenants.
    expect(pageRequests.length).toBeGreaterThanOrEqual(3);
    for (const url of pageRequests) expect(Number(url.searchParams.get('per_page'))).toBeLessThanOrEqual(50);
  });

  test('the page-size menu opens clear of its select, so a slow click on the select cannot choose a size', async ({ page, tenantsPage }) => {
    await tenantsPage.goTo();
    await expect(tenantsPage.rows).toHaveCount(20);
    const select = page.getByRole('combobox', { name: /Tenants per page/ });
    await select.scrollIntoViewIfNeeded();
    const below = (await select.boundingBox())!;
    // The mouse, as a person clicks: MUI 9 takes a mouseup that comes late over an option as choosing it.
    await select.click();
    const menu = (await page.getByRole('listbox').boundingBox())!;
    expect(menu.y + menu.height).toBeLessThanOrEqual(below.y + 1);
    await page.getByRole('option', { name: '50', exact: true }).click();
    await expect(page).toHaveURL(/per_page=50/);
  });

  test('after a reload, Back returns to the list page it came from: signing in again adds no history', async ({
    page,
    tenantsPage,
  }) => {
    await tenantsPage.goTo();
    await tenantsPage.assertRange(/^1–20 of [\d,]+$/);
    await tenantsPage.goToNextPage();
    await expect(page).toHaveURL(/\/tenants\?page=2$/);
    await tenantsPage.assertRange(/^21–40 of [\d,]+$/);
    const entries = await page.evaluate(() => history.length);

    // A reload starts a new document without tokens: it signs in again through ScaiKey, silently.
    await page.reload();
    await tenantsPage.assertRange(/^21–40 of [\d,]+$/);
    await expect(page).toHaveURL(/\/tenants\?page=2$/);
    expect(await page.evaluate(() => history.length)).toBe(entries);

    await page.goBack();
    await expect(page).toHaveURL(/\/tenants$/);
    await tenantsPage.assertRange(/^1–20 of [\d,]+$/);
    // The entry after it is still there: nothing was pushed over it.
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await page.goForward();
    await expect(page).toHaveURL(/\/tenants\?page=2$/);
    await tenantsPage.assertRange(/^21–40 of [\d,]+$/);
  });

  test('a row leads to its tenant', async ({ page, tenants, tenantsPage, tenantPage }) => {
    const tenant = await tenants.create({ name: uniqueName('Row Link') });
    await tenantsPage.goTo(`?search=${encodeURIComponent(tenant.slug)}`);
    await tenantsPage.openTenant(tenant.name);
    await tenantPage.assertHeading(tenant.name);
    await expect(page).toHaveURL(new RegExp(`/tenants/${tenant.id}$`));
  });

  test('a name made of markup shows as text, on the list and on its page', async ({ page, tenants, tenantsPage, tenantPage }) => {
    const name = `<img src=x onerror=alert(1)> ${uniqueName('Markup')}`;
    const tenant = await tenants.create({ name });
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });

    await tenantsPage.goTo(`?search=${encodeURIComponent(tenant.slug)}`);
    await expect(tenantsPage.table.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(tenantsPage.table.getByRole('img')).toHaveCount(0);

    await tenantsPage.openTenant(name);
    await tenantPage.assertHeading(name);
    await tenantPage.assertGeneralValue('Name', name);
    await expect(page.locator('main').getByRole('img')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test('the list, with filters and an open status menu, has no axe violations', async ({ page, tenantsPage, makeAxeBuilder }) => {
    await tenantsPage.goTo();
    await expect(tenantsPage.rows).toHaveCount(20);
    await expectNoAxeViolations(makeAxeBuilder());
    await tenantsPage.search('zzzz-no-such-tenant');
    await expect(page.getByRole('heading', { name: 'No tenants match these filters' })).toBeVisible();
    await expectNoAxeViolations(makeAxeBuilder());
  });
});

test.describe('creating a tenant', () => {
  test('the slug follows the name until it is edited', async ({ tenantForm }) => {
    await tenantForm.goTo();
    await tenantForm.fill({ name: 'Ünïcode & Sons, Ltd.' });
    await expect(tenantForm.field('Slug')).toHaveValue('unicode-sons-ltd');
    await tenantForm.fill({ slug: 'my-own-slug' });
    await tenantForm.fill({ name: 'Something else' });
    await expect(tenantForm.field('Slug')).toHaveValue('my-own-slug');
  });

  test('every validation error shows at its field, keeps what was typed, and passes axe', async ({
    page,
    tenantForm,
    makeAxeBuilder,
  }) => {
    await tenantForm.goTo();
    await tenantForm.submit();
    await tenantForm.assertFieldError('Name', 'Enter a name');
    await tenantForm.assertFieldError('Slug', 'Enter a slug');
    await expect(tenantForm.field('Name')).toBeFocused();
    await expectNoAxeViolations(makeAxeBuilder());

    await tenantForm.fill({ name: 'Valid Name', slug: 'Bad Slug!', contactEmail: 'not-an-email' });
    await tenantForm.submit();
    await tenantForm.assertFieldError('Slug', /lowercase letters, digits and hyphens/);
    await tenantForm.assertFieldError('Contact email', /valid email address/);

    await tenantForm.fill({ slug: 'ab' });
    await tenantForm.assertFieldError('Slug', 'Use at least 3 characters');
    await tenantForm.fill({ slug: 'a'.repeat(64) });
    await tenantForm.assertFieldError('Slug', 'Use at most 63 characters');
    await expectNoAxeViolations(makeAxeBuilder());

    await expect(tenantForm.field('Name')).toHaveValue('Valid Name');
    await expect(tenantForm.field('Contact email')).toHaveValue('not-an-email');
    await expect(page).toHaveURL(/\/tenants\/new$/);
  });

  test('a taken slug is reported at the slug field, and nothing typed is lost', async ({ tenants, tenantForm }) => {
    const existing = await tenants.create();
    await tenantForm.goTo();
    await tenantForm.fill({ name: uniqueName('Duplicate'), slug: existing.slug, contactEmail: 'dup@example.com' });
    await tenantForm.submit();
    await tenantForm.assertFieldError('Slug', new RegExp(`slug '${existing.slug}' already exists`));
    await expect(tenantForm.field('Slug')).toBeFocused();
    await expect(tenantForm.field('Contact email')).toHaveValue('dup@example.com');
  });

  test('a new tenant with a partner opens on its own page and is listed', async ({
    page,
    tenants,
    tenantForm,
    tenantPage,
    tenantsPage,
  }) => {
    const [partner] = await tenants.partners(1);
    const name = uniqueName('Created Tenant');
    const slug = uniqueSlug('created');
    await tenantsPage.goTo();
    await tenantsPage.clickCreate();
    await tenantForm.fill({ name, slug, contactEmail: 'owner@created.example' });
    await tenantForm.choosePartner(partner!.name);
    await tenantForm.chooseStatus('Suspended');
    await tenantForm.submit();

    await tenantPage.assertHeading(name);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    tenants.track(id);
    await tenantPage.assertGeneralValue('Slug', slug);
    await tenantPage.assertGeneralValue('Partner', partner!.name);
    await tenantPage.assertGeneralValue('Status', 'Suspended');
    await tenantPage.assertGeneralValue('Contact email', 'owner@created.example');

    const saved = await tenants.get(id);
    expect(saved).toMatchObject({ name, slug, status: 'SUSPENDED', partner_id: partner!.id, contact_email: 'owner@created.example' });

    await tenantsPage.goTo(`?search=${slug}`);
    await tenantsPage.assertOnlyRows([name]);
  });
});
