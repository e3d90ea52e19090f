import { expect, expectNoAxeViolations, test } from './pages/tenant-fixtures';
import { uniqueSlug, type Tenant } from './pages/tenant-seeder';
import { uniqueName } from './support/api';

/** Settings with keys the console does not know, at the top level and inside the password policy. */
const SETTINGS_WITH_EXTRAS: Tenant['settings'] = {
  mfa_required: true,
  mfa_methods: ['totp', 'sms'],
  password_policy: {
    min_length: 12,
    require_uppercase: true,
    require_lowercase: true,
    require_digit: true,
    require_special: true,
    max_age_days: 90,
    history_count: 5,
    breached_password_check: true,
  },
  session_timeout: 480,
  ip_allowlist: ['10.0.0.0/8', '172.16.0.0/16'],
  legacy_sso: { provider: 'okta', domain: 'e2e.sso.example', enabled: false },
};

test.describe('a tenant page', () => {
  test('shows general details, security settings and branding, and has no axe violations', async ({
    tenants,
    tenantPage,
    makeAxeBuilder,
  }) => {
    const [partner] = await tenants.partners(1);
    const tenant = await tenants.create({
      partner_id: partner!.id,
      contact_email: 'ops@shown.example',
      settings: SETTINGS_WITH_EXTRAS,
      branding: { primary_color: '#0F766E', logo_url: 'https://assets.example.com/e2e/logo.svg' },
    });
    await tenantPage.goTo(tenant.id, tenant.name);
    await tenantPage.assertGeneralValue('Slug', tenant.slug);
    await tenantPage.assertGeneralValue('Partner', partner!.name);
    await tenantPage.assertGeneralValue('Contact email', 'ops@shown.example');
    await expect(tenantPage.requireMfa).toBeChecked();
    await expect(tenantPage.mfaMethod('TOTP')).toBeChecked();
    await expect(tenantPage.mfaMethod('SMS')).toBeChecked();
    await expect(tenantPage.mfaMethod('WebAuthn')).not.toBeChecked();
    await expect(tenantPage.numberField('Minimum length (characters)')).toHaveValue('12');
    await expect(tenantPage.policySummary).toHaveText(
      'In short: At least 12 characters with upper and lower case, a digit and a symbol; expires after 90 days; the last 5 passwords cannot be reused',
    );
    await expect(tenantPage.settings.getByText('8 hours.', { exact: false })).toBeVisible();
    await expect(tenantPage.otherSettings).toContainText('ip_allowlist');
    await expect(tenantPage.otherSettings).toContainText('172.16.0.0/16');
    await expect(tenantPage.otherSettings).toContainText('password_policy.breached_password_check');
    await expect(tenantPage.saveSettingsButton).toBeDisabled();
    await expect(tenantPage.page.getByRole('region', { name: 'Branding JSON' })).toContainText('"primary_color": "#0F766E"');
    await expectNoAxeViolations(makeAxeBuilder());

    await tenantPage.startEditingGeneral();
    await expectNoAxeViolations(makeAxeBuilder());
  });

  test('while the partner field\'s code loads, its place is held by a disabled field with a readable hint', async ({
    tenants,
    tenantPage,
    page,
    makeAxeBuilder,
  }) => {
    const tenant = await tenants.create({});
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/partner-picker[^/]*$/, async (route) => {
      await released;
      await route.continue();
    });
    await tenantPage.goTo(tenant.id, tenant.name);
    await tenantPage.startEditingGeneral();
    const waiting = tenantPage.general.getByRole('textbox', { name: 'Partner' });
    await expect(waiting).toBeDisabled();
    await expect(waiting).toHaveAccessibleDescription('Optional: the partner that manages this tenant');
    // A disabled field's hint in MUI's disabled grey fails contrast: axe caught it in a CI run.
    await expectNoAxeViolations(makeAxeBuilder());
    release();
    await expect(tenantPage.general.getByRole('combobox', { name: 'Partner' })).toBeEnabled();
  });

  test('general fields are edited in place, saved, and cancelled without a trace', async ({ tenants, tenantPage }) => {
    const tenant = await tenants.create({ contact_email: 'before@edit.example' });
    await tenantPage.goTo(tenant.id, tenant.name);

    await tenantPage.startEditingGeneral();
    await tenantPage.fillGeneral({ Name: 'Thrown away' });
    await tenantPage.cancelGeneral();
    await tenantPage.assertGeneralValue('Name', tenant.name);

    const name = uniqueName('Renamed');
    const slug = uniqueSlug('renamed');
    await tenantPage.startEditingGeneral();
    await tenantPage.fillGeneral({ Name: name, Slug: slug, 'Contact email': '' });
    await tenantPage.saveGeneral();
    await tenantPage.assertHeading(name);
    await tenantPage.assertGeneralValue('Slug', slug);
    await tenantPage.assertGeneralValue('Contact email', 'None');
    expect(await tenants.get(tenant.id)).toMatchObject({ name, slug, contact_email: null });
  });

  test('a taken slug and a bad email are reported at their fields while editing', async ({ tenants, tenantPage }) => {
    const other = await tenants.create();
    const tenant = await tenants.create();
    await tenantPage.goTo(tenant.id, tenant.name);
    await tenantPage.startEditingGeneral();
    await tenantPage.fillGeneral({ 'Contact email': 'nope' });
    await tenantPage.saveGeneral();
    await expect(tenantPage.generalField('Contact email')).toHaveAccessibleDescription(/valid email address/);
    await tenantPage.fillGeneral({ 'Contact email': 'ok@example.com', Slug: other.slug });
    await tenantPage.saveGeneral();
    await expect(tenantPage.generalField('Slug')).toHaveAccessibleDescription(new RegExp(`'${other.slug}' already exists`));
    await expect(tenantPage.generalField('Contact email')).toHaveValue('ok@example.com');
  });

  test('moving to another partner asks first, naming both partners', async ({ tenants, tenantPage, makeAxeBuilder }) => {
    const [from, to] = await tenants.partners(2);
    const tenant = await tenants.create({ partner_id: from!.id });
    await tenantPage.goTo(tenant.id, tenant.name);
    await tenantPage.startEditingGeneral();
    await tenantPage.chooseGeneralPartner(to!.name);
    await tenantPage.saveGeneral();

    const dialog = tenantPage.dialog(`Move ${tenant.name} to ${to!.name}?`);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`moves from ${from!.name} to ${to!.name}`);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoAxeViolations(makeAxeBuilder());
    await tenantPage.confirmIn(`Move ${tenant.name} to ${to!.name}?`, 'Move tenant');

    await tenantPage.assertGeneralValue('Partner', to!.name);
    expect((await tenants.get(tenant.id))?.partner_id).toBe(to!.id);
  });

  test('suspend and reactivate, each confirmed', async ({ tenants, tenantPage, makeAxeBuilder }) => {
    const tenant = await tenants.create();
    await tenantPage.goTo(tenant.id, tenant.name);

    await tenantPage.clickAction('Suspend');
    await expect(tenantPage.dialog(`Suspend ${tenant.name}?`)).toBeVisible();
    await expectNoAxeViolations(makeAxeBuilder());
    await tenantPage.confirmIn(`Suspend ${tenant.name}?`, 'Suspend tenant');
    await tenantPage.assertStatus('Suspended');
    expect((await tenants.get(tenant.id))?.status).toBe('SUSPENDED');

    await tenantPage.clickAction('Reactivate');
    await tenantPage.confirmIn(`Reactivate ${tenant.name}?`, 'Reactivate tenant');
    await tenantPage.assertStatus('Active');
    expect((await tenants.get(tenant.id))?.status).toBe('ACTIVE');
  });

  test('delete is confirmed by typing the slug; the tenant leaves the list and its page is not found', { tag: '@destructive' }, async ({
    page,
    tenants,
    tenantPage,
    tenantsPage,
    makeAxeBuilder,
  }) => {
    const tenant = await tenants.create();
    await tenantPage.goTo(tenant.id, tenant.name);
    await tenantPage.clickAction('Delete');
    const dialog = tenantPage.dialog(`Delete ${tenant.name}?`);
    const confirm = dialog.getByRole('button', { name: 'Delete tenant' });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Slug of the tenant to delete' }).fill(`${tenant.slug}x`);
    await expect(confirm).toBeDisabled();
    await expectNoAxeViolations(makeAxeBuilder());
    await dialog.getByRole('textbox', { name: 'Slug of the tenant to delete' }).fill(tenant.slug);
    await confirm.click();

    await tenantsPage.assertShown();
    await expect(page.getByText(`Tenant “${tenant.name}” deleted`)).toBeVisible();
    expect(await tenants.status(tenant.id)).toBe(404);
    await tenantsPage.search(tenant.slug);
    await expect(page.getByRole('heading', { name: 'No tenants match these filters' })).toBeVisible();

    await tenantPage.goTo(tenant.id);
    await expect(page.getByRole('heading', { level: 1, name: 'Tenant not found' })).toBeVisible();
    await expectNoAxeViolations(makeAxeBuilder());
    await page.getByRole('link', { name: 'Back to tenants' }).click();
    await tenantsPage.assertShown();
  });
});

test.describe('security settings', () => {
  test('each rule is checked at its field, and the hints follow what is typed', async ({ tenants, tenantPage, makeAxeBuilder }) => {
    const tenant = await tenants.create({ settings: SETTINGS_WITH_EXTRAS });
    await tenantPage.goTo(tenant.id, tenant.name);
    await expect(tenantPage.saveSettingsButton).toBeDisabled();

    await tenantPage.mfaMethod('TOTP').uncheck();
    await tenantPage.mfaMethod('SMS').uncheck();
    await tenantPage.setNumber('Minimum length (characters)', '7');
    await tenantPage.setNumber('Maximum age (days)', '0');
    await tenantPage.setNumber('Passwords remembered', '25');
    await tenantPage.setNumber('Session timeout (minutes)', '43201');
    await expect(tenantPage.saveSettingsButton).toBeEnabled();
    await tenantPage.clickSaveSettings();

    await expect(tenantPage.mfaMethods).toContainText('Choose at least one method while MFA is required');
    await expect(tenantPage.numberField('Minimum length (characters)')).toHaveAccessibleDescription('Enter a whole number from 8 to 128');
    await expect(tenantPage.numberField('Maximum age (days)')).toHaveAccessibleDescription('Enter a whole number from 1 to 3,650');
    await expect(tenantPage.numberField('Passwords remembered')).toHaveAccessibleDescription('Enter a whole number from 0 to 24');
    await expect(tenantPage.numberField('Session timeout (minutes)')).toHaveAccessibleDescription(
      'Enter a whole number from 5 to 43,200',
    );
    await expectNoAxeViolations(makeAxeBuilder());

    // Turning MFA off lifts the methods rule; fixing the numbers clears their errors.
    await tenantPage.requireMfa.uncheck();
    await expect(tenantPage.mfaMethods).not.toContainText('Choose at least one method');
    await tenantPage.setNumber('Minimum length (characters)', '16');
    await tenantPage.setNumber('Maximum age (days)', '');
    await tenantPage.setNumber('Passwords remembered', '0');
    await tenantPage.setNumber('Session timeout (minutes)', '90');
    await tenantPage.policyCheckbox('Require a special character').uncheck();
    await expect(tenantPage.settings.getByText('1 hour and 30 minutes.', { exact: false })).toBeVisible();
    await expect(tenantPage.policySummary).toHaveText(
      'In short: At least 16 characters with upper and lower case and a digit; never expires',
    );
    await tenantPage.saveSettings();
    await tenantPage.assertSettingsSaved();

    const saved = await tenants.get(tenant.id);
    expect(saved?.settings).toMatchObject({
      mfa_required: false,
      mfa_methods: [],
      session_timeout: 90,
      password_policy: { min_length: 16, max_age_days: null, history_count: 0, require_special: false },
    });
  });

  test('keys the console does not know survive an edit, checked through the API', async ({ tenants, tenantPage }) => {
    const tenant = await tenants.create({ settings: SETTINGS_WITH_EXTRAS });
    await tenantPage.goTo(tenant.id, tenant.name);
    await tenantPage.mfaMethod('WebAuthn').check();
    await tenantPage.setNumber('Session timeout (minutes)', '60');
    await tenantPage.saveSettings();
    await tenantPage.assertSettingsSaved();
    // The form shows what the server returned.
    await expect(tenantPage.numberField('Session timeout (minutes)')).toHaveValue('60');
    await expect(tenantPage.mfaMethod('WebAuthn')).toBeChecked();

    const saved = await tenants.get(tenant.id);
    expect(saved?.settings).toEqual({
      ...SETTINGS_WITH_EXTRAS,
      mfa_methods: ['totp', 'sms', 'webauthn'],
      session_timeout: 60,
    });
  });

  test('leaving with unsaved changes asks first, in the app and on reload', async ({ page, tenants, tenantPage, tenantsPage, shell, makeAxeBuilder }) => {
    const tenant = await tenants.create();
    await tenantPage.goTo(tenant.id, tenant.name);
    await tenantPage.setNumber('Session timeout (minutes)', '15');

    await shell.clickNav('Tenants');
    const dialog = tenantPage.dialog('Leave without saving?');
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(makeAxeBuilder());
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(dialog).toBeHidden();
    await expect(tenantPage.numberField('Session timeout (minutes)')).toHaveValue('15');

    // Closing the tab (or reloading) gets the browser's own question; dismissing it keeps the page.
    const beforeUnload = page.waitForEvent('dialog');
    void page.close({ runBeforeUnload: true });
    const question = await beforeUnload;
    expect(question.type()).toBe('beforeunload');
    await question.dismiss();
    await expect(tenantPage.numberField('Session timeout (minutes)')).toHaveValue('15');

    await shell.clickNav('Tenants');
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await tenantsPage.assertShown();
    expect((await tenants.get(tenant.id))?.settings.session_timeout).toBe(480);
  });

  test("the browser's Back button with unsaved changes asks first; staying keeps the page and its address", async ({
    page,
    tenants,
    tenantPage,
    tenantsPage,
  }) => {
    const tenant = await tenants.create();
    await tenantsPage.goTo(`?search=${encodeURIComponent(tenant.name)}`);
    await tenantsPage.openTenant(tenant.name);
    await tenantPage.assertHeading(tenant.name);
    await tenantPage.setNumber('Session timeout (minutes)', '15');

    await page.goBack();
    const dialog = tenantPage.dialog('Leave without saving?');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/tenants/${tenant.id}$`));
    await expect(tenantPage.numberField('Session timeout (minutes)')).toHaveValue('15');

    await page.goBack();
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await tenantsPage.assertShown();
    await expect(page).toHaveURL(/\/tenants\?search=/);
    await expect(tenantsPage.row(tenant.name)).toBeVisible();
  });

  test("someone else's edit since loading opens the conflict view: discard mine, or keep mine per field", async ({
    tenants,
    tenantPage,
    makeAxeBuilder,
  }) => {
    const tenant = await tenants.create({ settings: SETTINGS_WITH_EXTRAS });
    await tenantPage.goTo(tenant.id, tenant.name);

    // Another admin changes the tenant (the session timeout and an unknown key) behind our back.
    await tenants.update(tenant.id, {
      settings: { ...SETTINGS_WITH_EXTRAS, session_timeout: 240, data_residency: 'eu-central' },
    });
    await tenantPage.setNumber('Minimum length (characters)', '20');
    await tenantPage.saveSettings();
    await expect(tenantPage.conflictView).toBeVisible();
    expect(await tenantPage.conflictRows()).toEqual([
      'Minimum password length | 12 | 12 | 20',
      'Session timeout | 8 hours | 4 hours | 8 hours',
    ]);
    await expect(tenantPage.conflictChoice('Minimum password length', 'Yours')).toBeChecked();
    await expect(tenantPage.conflictChoice('Session timeout', 'Theirs')).toBeChecked();
    await expectNoAxeViolations(makeAxeBuilder());

    // Discard mine: their version replaces the unsaved edit.
    await tenantPage.conflictView.getByRole('button', { name: 'Discard mine, show theirs' }).click();
    await expect(tenantPage.conflictView).toBeHidden();
    await expect(tenantPage.numberField('Session timeout (minutes)')).toHaveValue('240');
    await expect(tenantPage.numberField('Minimum length (characters)')).toHaveValue('12');
    await expect(tenantPage.otherSettings).toContainText('data_residency');

    // A second change elsewhere; this time keep mine for both fields: their unknown key is kept.
    await tenants.update(tenant.id, { settings: { ...SETTINGS_WITH_EXTRAS, session_timeout: 120, data_residency: 'eu-central' } });
    await tenantPage.setNumber('Minimum length (characters)', '20');
    await tenantPage.saveSettings();
    await expect(tenantPage.conflictView).toBeVisible();
    await tenantPage.chooseInConflict('Session timeout', 'Yours');
    await tenantPage.saveConflictChoices();
    await tenantPage.assertSettingsSaved();
    const saved = await tenants.get(tenant.id);
    expect(saved?.settings).toMatchObject({ data_residency: 'eu-central', ip_allowlist: SETTINGS_WITH_EXTRAS.ip_allowlist });
    expect(saved?.settings.password_policy).toMatchObject({ min_length: 20, breached_password_check: true });
    expect(saved?.settings.session_timeout).toBe(240);
  });
});

test.describe('a save racing another admin', () => {
  test("an edit saved between the console's check and its save is not overwritten: the server's 412 opens the conflict view", async ({
    page,
    tenants,
    tenantPage,
  }) => {
    const tenant = await tenants.create({ settings: SETTINGS_WITH_EXTRAS });
    await tenantPage.goTo(tenant.id, tenant.name);

    // Hold our PATCH until another admin has saved: the console read the tenant before that save,
    // so only the ETag it sends as If-Match can tell.
    let sentIfMatch: string | null = null;
    let raced = false;
    await page.route(`**/api/v1/admin/tenants/${tenant.id}`, async (route) => {
      if (route.request().method() !== 'PATCH' || raced) return route.continue();
      raced = true;
      sentIfMatch = (await route.request().headerValue('if-match')) ?? null;
      await tenants.update(tenant.id, { settings: { ...SETTINGS_WITH_EXTRAS, session_timeout: 90, data_residency: 'eu-west' } });
      return route.continue();
    });
    await tenantPage.setNumber('Minimum length (characters)', '16');
    await tenantPage.saveSettings();

    await expect(tenantPage.conflictView).toBeVisible();
    expect(sentIfMatch).toMatch(/^"/);
    // Nothing of ours was written: their save stands as they made it.
    const theirs = await tenants.get(tenant.id);
    expect(theirs?.settings).toMatchObject({ session_timeout: 90, data_residency: 'eu-west' });
    expect(theirs?.settings.password_policy).toMatchObject({ min_length: 12 });

    // Each field that differs, suggested from the side that changed it; saved onto their newest version.
    expect(await tenantPage.conflictRows()).toEqual([
      'Minimum password length | 12 | 12 | 16',
      'Session timeout | 8 hours | 1 hour and 30 minutes | 8 hours',
    ]);
    await tenantPage.saveConflictChoices();
    await tenantPage.assertSettingsSaved();
    const saved = await tenants.get(tenant.id);
    expect(saved?.settings.password_policy).toMatchObject({ min_length: 16, breached_password_check: true });
    expect(saved?.settings).toMatchObject({ data_residency: 'eu-west', session_timeout: 90 });
  });
});

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the tenant page, with settings errors, and the create form with errors have no axe violations', async ({
    tenants,
    tenantPage,
    tenantForm,
    makeAxeBuilder,
  }) => {
    const [partner] = await tenants.partners(1);
    const tenant = await tenants.create({ partner_id: partner!.id, settings: SETTINGS_WITH_EXTRAS, status: 'SUSPENDED' });
    await tenantPage.goTo(tenant.id, tenant.name);
    await tenantPage.setNumber('Session timeout (minutes)', '1');
    await tenantPage.clickSaveSettings();
    await expect(tenantPage.numberField('Session timeout (minutes)')).toHaveAccessibleDescription(/from 5 to 43,200/);
    await expectNoAxeViolations(makeAxeBuilder());

    await tenantForm.goTo();
    await tenantForm.fill({ name: 'Dark', slug: 'NO', contactEmail: 'x' });
    await tenantForm.submit();
    await tenantForm.assertFieldError('Slug', /lowercase letters/);
    await expectNoAxeViolations(makeAxeBuilder());
  });
});
