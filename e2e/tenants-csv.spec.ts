import { expect, expectNoAxeViolations, test } from './pages/tenant-fixtures';
import type { Tenant, TenantSeeder } from './pages/tenant-seeder';
import { uniqueName } from './support/api';
import { readCsvDownload } from './support/csv';

/**
 * Download CSV on the tenants list (issue 17): the filter on screen, every page, partner names and
 * the security settings flattened into columns, read back from the file the browser saved.
 * The tests create tenants (writes, deleted again on teardown); none deletes as part of its story.
 */

const SETTINGS = {
  mfa_required: true,
  mfa_methods: ['totp', 'webauthn'] as ('totp' | 'webauthn')[],
  password_policy: {
    min_length: 12,
    require_uppercase: true,
    require_lowercase: false,
    require_digit: true,
    require_special: false,
    max_age_days: 90,
    history_count: 5,
  },
  session_timeout: 90,
};

/** The settings columns as the file should have them for these stored settings (the header's units from the contract). */
function settingsCells(settings: Tenant['settings']): Record<string, string> {
  const policy = settings.password_policy;
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  const labels: Record<string, string> = { totp: 'TOTP', sms: 'SMS', email: 'Email', webauthn: 'WebAuthn' };
  return {
    'MFA required': text(settings.mfa_required),
    'MFA methods': (settings.mfa_methods ?? []).map((method) => labels[method] ?? method).join(', '),
    'Minimum password length': text(policy?.min_length),
    'Password needs an uppercase letter': text(policy?.require_uppercase),
    'Password needs a lowercase letter': text(policy?.require_lowercase),
    'Password needs a digit': text(policy?.require_digit),
    'Password needs a special character': text(policy?.require_special),
    'Password expires after (days)': text(policy?.max_age_days),
    'Passwords remembered': text(policy?.history_count),
    'Session timeout (minutes)': text(settings.session_timeout),
  };
}

/** Three tenants one unique word finds: one with every setting chosen, one named like a formula, one with the defaults. */
async function seedThree(tenants: TenantSeeder) {
  const [first, second] = await tenants.partners(2);
  const word = uniqueName('Numbat').replace(' ', '');
  const chosen = await tenants.create({ name: `${word} Alpha`, partner_id: first!.id, contact_email: 'ops@numbat.example', settings: SETTINGS });
  const formula = await tenants.create({ name: `=${word}+HYPERLINK("http://evil.example")`, partner_id: second!.id, status: 'SUSPENDED' });
  const plain = await tenants.create({ name: `${word} Charlie` });
  return { word, partners: [first!, second!] as const, chosen, formula, plain };
}

test.describe('Download CSV on the tenants list', () => {
  test('holds exactly the filtered rows on screen, in order, with partner names and settings columns; a formula-like name is neutralised', async ({
    page,
    tenants,
    tenantsPage,
  }) => {
    const { word, partners, chosen, formula, plain } = await seedThree(tenants);

    await tenantsPage.goTo();
    await tenantsPage.search(word);
    await expect(page).toHaveURL(new RegExp(`[?&]search=${word}`));
    await tenantsPage.assertOnlyRows([chosen.name, formula.name, plain.name]);
    await tenantsPage.assertRow(formula.name, [partners[1].name]);
    const onScreen = await tenantsPage.rowNames();

    const download = await tenantsPage.downloadCsv();
    expect(download.suggestedFilename()).toBe('tenants.csv');
    await expect(page.getByText('Downloaded 3 tenants.')).toBeVisible();
    const { text, header, rows } = await readCsvDownload(download);
    expect(text.startsWith('\uFEFFName,Slug,Status,Partner,')).toBe(true);
    expect(header).toEqual([
      'Name', 'Slug', 'Status', 'Partner', 'Contact email', 'Created', 'Updated',
      ...Object.keys(settingsCells(SETTINGS)),
      'Tenant ID',
    ]);

    // The rows on screen, in their order; the name that would run as a formula starts with a quote.
    const neutralised = (name: string) => (/^[=+\-@]/.test(name) ? `'${name}` : name);
    expect(rows.map((row) => row.Name)).toEqual(onScreen.map(neutralised));
    expect(rows.find((row) => row['Tenant ID'] === formula.id)?.Name).toBe(`'${formula.name}`);

    const byId = new Map(rows.map((row) => [row['Tenant ID'], row]));
    expect(byId.get(chosen.id)).toEqual({
      Name: chosen.name,
      Slug: chosen.slug,
      Status: 'Active',
      Partner: partners[0].name,
      'Contact email': 'ops@numbat.example',
      Created: chosen.created_at,
      Updated: chosen.updated_at,
      'MFA required': 'true',
      'MFA methods': 'TOTP, WebAuthn',
      'Minimum password length': '12',
      'Password needs an uppercase letter': 'true',
      'Password needs a lowercase letter': 'false',
      'Password needs a digit': 'true',
      'Password needs a special character': 'false',
      'Password expires after (days)': '90',
      'Passwords remembered': '5',
      'Session timeout (minutes)': '90',
      'Tenant ID': chosen.id,
    });
    expect(byId.get(formula.id)).toMatchObject({ Status: 'Suspended', Partner: partners[1].name, ...settingsCells(formula.settings) });
    // No partner: an empty cell. Its settings are what the server stored for it (the contract's defaults).
    expect(byId.get(plain.id)).toMatchObject({ Partner: '', 'Contact email': '', ...settingsCells(plain.settings) });

    // The status filter narrows the file as it narrows the list.
    await tenantsPage.filterByStatus('Suspended');
    await tenantsPage.assertOnlyRows([formula.name]);
    const suspended = await readCsvDownload(await tenantsPage.downloadCsv());
    expect(suspended.rows.map((row) => row['Tenant ID'])).toEqual([formula.id]);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`the tenants CSV export in the ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('the export dialog, held on its first page, has no axe violations', { tag: '@a11y' }, async ({
      page,
      tenants,
      tenantsPage,
      makeAxeBuilder,
    }) => {
      const { word, chosen, formula, plain } = await seedThree(tenants);
      await tenantsPage.goTo(`?search=${encodeURIComponent(word)}`);
      await tenantsPage.assertOnlyRows([chosen.name, formula.name, plain.name]);

      // The export's page (100 rows, unlike the list's) waits until the dialog has been scanned.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const isExportPage = (url: URL) => /\/api\/v1\/admin\/tenants\/?$/.test(url.pathname) && url.searchParams.get('per_page') === '100';
      await page.route(isExportPage, async (route) => {
        await held;
        await route.continue();
      });

      const download = tenantsPage.downloadCsv();
      await expect(tenantsPage.csvDialog).toBeVisible();
      await expect(tenantsPage.csvDialog.getByRole('progressbar', { name: 'Download progress' })).toBeVisible();
      await expectNoAxeViolations(makeAxeBuilder());

      release();
      expect((await readCsvDownload(await download)).rows).toHaveLength(3);
      await expect(tenantsPage.csvDialog).toBeHidden();
      await page.unroute(isExportPage);
    });
  });
}
