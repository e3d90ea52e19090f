import { ApiError } from '@/lib/api-error';
import { changeText } from '@/utils/change-words';
import {
  ALREADY_MEETS,
  appliedSettings,
  applyToTenant,
  CHANGED_MEANWHILE,
  choiceName,
  choiceWords,
  passwordPolicyOf,
  policyChanges,
  type ApplyIo,
  type PolicyChoice,
} from './apply-policy';
import { presetById, presetValues } from './security-presets';
import { DEFAULT_SETTINGS } from './settings';

/** Applying a preset or another tenant's password policy: the merge, the skip, the retry after a 412. */

const pci: PolicyChoice = { kind: 'preset', preset: presetById('pci-dss-4')! };

/** A tenant as the server returns it: every known key, plus keys this console does not know. */
const defaults = () => ({
  ...DEFAULT_SETTINGS,
  mfa_methods: [...DEFAULT_SETTINGS.mfa_methods],
  password_policy: { ...DEFAULT_SETTINGS.password_policy, breached_password_check: true },
  ip_allowlist: ['10.0.0.0/8'],
});

const copyFrom = (settings: Record<string, unknown>): PolicyChoice => ({
  kind: 'password-policy',
  source: { id: 'tnt_src', name: 'Source Co' },
  policy: passwordPolicyOf(settings),
});

describe('appliedSettings', () => {
  it('a preset sets every setting it has and keeps unknown keys, top level and in the password policy', () => {
    const applied = appliedSettings(defaults(), pci) as Record<string, unknown>;
    expect(applied).toEqual({
      ...presetValues(pci.kind === 'preset' ? pci.preset : presetById('pci-dss-4')!),
      password_policy: { ...presetById('pci-dss-4')!.settings.password_policy, breached_password_check: true },
      ip_allowlist: ['10.0.0.0/8'],
    });
  });

  it('a preset keeps MFA methods this console does not know', () => {
    const applied = appliedSettings({ ...defaults(), mfa_methods: ['totp', 'carrier_pigeon'] }, pci);
    expect(applied.mfa_methods).toEqual(['totp', 'webauthn', 'carrier_pigeon']);
  });

  it("another tenant's password policy changes only password_policy's known rules", () => {
    const source = { ...defaults(), password_policy: { ...DEFAULT_SETTINGS.password_policy, min_length: 14, max_age_days: 60, history_count: 2, source_only: 'x' } };
    const target = { ...defaults(), mfa_required: true, mfa_methods: ['webauthn'], session_timeout: 20 };
    const applied = appliedSettings(target, copyFrom(source)) as Record<string, unknown>;
    expect(applied).toEqual({
      ...target,
      password_policy: { ...DEFAULT_SETTINGS.password_policy, min_length: 14, max_age_days: 60, history_count: 2, breached_password_check: true },
    });
    // The source's unknown rule is not copied: only what the console can name is applied.
    expect((applied.password_policy as Record<string, unknown>).source_only).toBeUndefined();
  });

  it('settings missing altogether get the policy', () => {
    expect(appliedSettings(null, copyFrom({})).password_policy).toEqual(DEFAULT_SETTINGS.password_policy);
  });
});

describe('policyChanges', () => {
  it('lists each setting that changes, before → after in the audit log words', () => {
    expect(policyChanges(defaults(), pci).map(changeText)).toEqual([
      'MFA required: No → Yes',
      'MFA methods: TOTP → TOTP, WebAuthn',
      'Minimum password length: 8 → 12',
      'Password needs an uppercase letter: Yes → No',
      'Password needs a special character: Yes → No',
      'Password expires after: — → 90 days',
      'Passwords remembered: 0 → 4',
      'Session timeout: 8 hours → 15 minutes',
    ]);
  });

  it('is empty once the policy is there (unknown keys and method order do not count)', () => {
    const applied = appliedSettings(defaults(), pci);
    expect(policyChanges(applied, pci)).toEqual([]);
    expect(policyChanges({ ...applied, mfa_methods: ['webauthn', 'totp', 'carrier_pigeon'] }, pci)).toEqual([]);
  });

  it('a stricter setting is still a change: the preset is set exactly', () => {
    const applied = appliedSettings(defaults(), pci) as Record<string, unknown>;
    const stricter = { ...applied, password_policy: { ...(applied.password_policy as object), min_length: 20 } };
    expect(policyChanges(stricter, pci).map(changeText)).toEqual(['Minimum password length: 20 → 12']);
  });

  it('a setting the server left out counts as a change (it gets written)', () => {
    const applied = appliedSettings(defaults(), pci) as Record<string, unknown>;
    const { session_timeout: _dropped, ...without } = applied;
    expect(policyChanges(without, pci).map((row) => row.path)).toEqual(['settings.session_timeout']);
  });

  it("another tenant's policy compares only the password policy", () => {
    const target = { ...defaults(), mfa_required: true, session_timeout: 5 };
    expect(policyChanges(target, copyFrom(defaults()))).toEqual([]);
    const source = { password_policy: { ...DEFAULT_SETTINGS.password_policy, min_length: 10 } };
    expect(policyChanges(target, copyFrom(source)).map(changeText)).toEqual(['Minimum password length: 8 → 10']);
  });
});

describe('choice words', () => {
  it('names the choice and states every setting it sets', () => {
    expect(choiceName(pci)).toBe('PCI DSS v4.0');
    expect(choiceName(copyFrom({}))).toBe('the password policy of Source Co');
    expect(choiceWords(pci)).toContainEqual({ field: 'Session timeout', value: '15 minutes' });
    expect(choiceWords(pci)).toHaveLength(10);
    const copied = choiceWords(copyFrom({}));
    expect(copied.map((w) => w.field)).toEqual([
      'Minimum password length',
      'Password needs an uppercase letter',
      'Password needs a lowercase letter',
      'Password needs a digit',
      'Password needs a special character',
      'Password expires after',
      'Passwords remembered',
    ]);
    expect(copied).toContainEqual({ field: 'Password expires after', value: 'Never' });
  });
});

describe('applyToTenant', () => {
  /** A tenant on a fake server: reads give its settings and a version, writes check If-Match. */
  function server(initial: Record<string, unknown>) {
    let settings = initial;
    let version = 1;
    const writes: { settings: unknown; etag: string | null }[] = [];
    /** Someone else's saves, made right after our next reads. */
    const interleaved: ((s: Record<string, unknown>) => Record<string, unknown>)[] = [];
    const io: ApplyIo = {
      read: async () => {
        const answer = { settings: structuredClone(settings), etag: `"v${version}"` };
        const theirs = interleaved.shift();
        if (theirs) {
          settings = theirs(settings);
          version += 1;
        }
        return answer;
      },
      write: async (_id, next, etag) => {
        writes.push({ settings: next, etag });
        if (etag !== `"v${version}"`) throw new ApiError(412, 'The tenant has changed since you loaded it.');
        settings = next as Record<string, unknown>;
        version += 1;
        return settings;
      },
    };
    return { io, writes, interleaved, current: () => settings };
  }

  it('reads, merges and writes with If-Match', async () => {
    const s = server(defaults());
    expect(await applyToTenant('tnt_1', pci, s.io)).toBe('applied');
    expect(s.writes).toEqual([{ settings: appliedSettings(defaults(), pci), etag: '"v1"' }]);
    expect(s.current().ip_allowlist).toEqual(['10.0.0.0/8']);
  });

  it(`skips without writing when nothing would change ("${ALREADY_MEETS}")`, async () => {
    const s = server(appliedSettings(defaults(), pci) as Record<string, unknown>);
    expect(await applyToTenant('tnt_1', pci, s.io)).toBe('unchanged');
    expect(s.writes).toEqual([]);
  });

  it('a 412 is tried once more from a fresh read: their change is kept and the policy applied', async () => {
    const s = server(defaults());
    s.interleaved.push((current) => ({ ...current, ip_allowlist: ['192.168.0.0/16'] }));
    expect(await applyToTenant('tnt_1', pci, s.io)).toBe('applied');
    expect(s.writes.map((w) => w.etag)).toEqual(['"v1"', '"v2"']);
    expect(s.current()).toMatchObject({ ip_allowlist: ['192.168.0.0/16'], session_timeout: 15, mfa_required: true });
  });

  it('after the retry, a tenant that now already meets it is skipped', async () => {
    const s = server(defaults());
    s.interleaved.push((current) => appliedSettings(current, pci) as Record<string, unknown>);
    expect(await applyToTenant('tnt_1', pci, s.io)).toBe('unchanged');
    expect(s.writes).toHaveLength(1);
  });

  it('a second 412 in a row fails with the reason, and nothing is saved', async () => {
    const s = server(defaults());
    s.interleaved.push((c) => ({ ...c, a: 1 }), (c) => ({ ...c, b: 2 }));
    await expect(applyToTenant('tnt_1', pci, s.io)).rejects.toThrow(CHANGED_MEANWHILE);
    expect(s.writes).toHaveLength(2);
    expect(s.current()).toMatchObject({ a: 1, b: 2, session_timeout: DEFAULT_SETTINGS.session_timeout });
  });

  it('any other failure is the server’s, at once', async () => {
    const io: ApplyIo = {
      read: async () => ({ settings: defaults(), etag: null }),
      write: async () => {
        throw new ApiError(422, 'session_timeout: too small');
      },
    };
    await expect(applyToTenant('tnt_1', pci, io)).rejects.toMatchObject({ status: 422 });
    const gone: ApplyIo = { read: async () => Promise.reject(new ApiError(404, 'Tenant not found')), write: vi.fn() };
    await expect(applyToTenant('tnt_1', pci, gone)).rejects.toThrow('Tenant not found');
    expect(gone.write).not.toHaveBeenCalled();
  });
});
