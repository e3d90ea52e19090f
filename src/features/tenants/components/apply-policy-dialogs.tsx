import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Link from '@mui/material/Link';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { BulkRunDialogs } from '@/components/data-list/bulk-run-dialogs';
import { errorMessage } from '@/components/errors/page-error';
import { LazyTenantPicker } from '@/components/pickers/lazy-pickers';
import { cleanServerMessage } from '@/lib/api-error';
import { skipped, type BulkSnapshot } from '@/lib/bulk-runner';
import { matchingTenants, useApplyPolicyIo, type TenantFilter } from '../api/apply-policy';
import { tenantQueries } from '../api/queries';
import { useRefreshTenants } from '../api/mutations';
import { ALREADY_MEETS, applyToTenant, choiceName, choiceWords, passwordPolicyOf, type PolicyChoice } from '../apply-policy';
import { presetById, SECURITY_PRESETS, type SecurityPresetId } from '../security-presets';
import { passwordPolicySummary } from '../settings';
import { tenantsText, type BulkTenant } from './bulk-status';

/**
 * Apply a security policy to many tenants (issue 18): the confirmation holds the choice — a preset
 * (its rules and source shown) or another tenant's password policy (picked, then said in words) —
 * and states how many tenants and exactly which settings are set. Then the progress dialog reads
 * each tenant afresh, merges (its other settings and unknown keys kept), and saves it with
 * If-Match, at most 4 at a time: a tenant that already has the policy is skipped without a write,
 * one changed meanwhile is tried once more from a fresh read. Retry failed and Cancel as for every
 * bulk action; the lists refresh when a pass ends. Loaded on the first click.
 */

/** Whom to apply it to: tenants already known (selected rows), or every tenant a filter matches (up to 1,000). */
export type ApplyPolicyTarget = { tenants: readonly BulkTenant[] } | { filter: TenantFilter };

export interface ApplyPolicyDialogsProps {
  open: boolean;
  target: ApplyPolicyTarget;
  /** The preset chosen when it opens (the overview's baseline); none by default. */
  preset?: SecurityPresetId;
  /** Cancelled at the confirmation (null), or closed after a run with its final results. */
  onClose: (results: BulkSnapshot<BulkTenant> | null) => void;
}

type Mode = SecurityPresetId | 'tenant' | '';

const NO_TENANTS: readonly BulkTenant[] = [];

export function ApplyPolicyDialogs({ open, target, preset: initialPreset, onClose }: ApplyPolicyDialogsProps) {
  const queryClient = useQueryClient();
  const io = useApplyPolicyIo();
  const refresh = useRefreshTenants();
  const [mode, setMode] = useState<Mode>(initialPreset ?? '');
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [found, setFound] = useState<{ fetched: number; total: number | null } | null>(null);
  /** The tenants as confirmed: the run (and a retry) acts on them, whatever the filter matches afterwards. */
  const [frozen, setFrozen] = useState<readonly BulkTenant[] | null>(null);
  const labelId = useId();
  // Opened again: the first choice again (adjusting state while rendering).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setMode(initialPreset ?? '');
      setSourceId(null);
      setFound(null);
      setFrozen(null);
    }
  }

  const filter = 'filter' in target ? target.filter : null;
  const matching = useQuery({
    // Outside ['tenants']: the refresh after the run must not find them again (they no longer match).
    queryKey: ['apply-policy-targets', filter] as const,
    queryFn: ({ signal }) => matchingTenants(filter ?? {}, queryClient, { signal, onProgress: (fetched, total) => setFound({ fetched, total }) }),
    enabled: open && filter !== null && frozen === null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
    throwOnError: false,
    meta: { errorShownInline: true },
  });
  const tenants: readonly BulkTenant[] | null = frozen ?? ('tenants' in target ? target.tenants : (matching.data ?? null));

  const source = useQuery({ ...tenantQueries.detail(sourceId ?? ''), enabled: open && mode === 'tenant' && sourceId !== null, throwOnError: false });
  const preset = mode && mode !== 'tenant' ? presetById(mode) : undefined;
  const choice: PolicyChoice | null = preset
    ? { kind: 'preset', preset }
    : mode === 'tenant' && source.data && source.data.id === sourceId
      ? { kind: 'password-policy', source: { id: source.data.id, name: source.data.name }, policy: passwordPolicyOf(source.data.settings) }
      : null;

  const count = tenants ? tenantsText(tenants.length) : 'the matching tenants';

  const confirm = () => {
    if (!tenants) throw new Error(matching.isError ? cleanServerMessage(errorMessage(matching.error)) : 'Still finding the tenants: a moment.');
    if (tenants.length === 0) throw new Error('No tenants to apply it to.');
    if (!mode) throw new Error('Choose a preset, or a tenant whose password policy to copy.');
    if (!choice) throw new Error(sourceId ? 'Still reading that tenant’s password policy: a moment.' : 'Choose the tenant whose password policy to copy.');
    setFrozen(tenants.map(({ id, name }) => ({ id, name })));
  };

  return (
    <BulkRunDialogs<BulkTenant>
      open={open}
      title={`Apply a security policy to ${count}`}
      destructive={false}
      maxWidth="sm"
      items={tenants ?? NO_TENANTS}
      task={async (tenant) => {
        if (!choice) throw new Error('Nothing was chosen to apply.');
        const outcome = await applyToTenant(tenant.id, choice, io);
        return outcome === 'unchanged' ? skipped(ALREADY_MEETS) : outcome;
      }}
      itemLabel={(tenant) => tenant.name}
      onConfirm={confirm}
      onFinished={() => void Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: tenantQueries.all() })])}
      onClose={onClose}
    >
      {filter !== null && !tenants ? (
        matching.isError ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            Could not find the tenants: {cleanServerMessage(errorMessage(matching.error))}
          </Alert>
        ) : (
          <Typography role="status" sx={{ mb: 2 }}>
            Finding the tenants that match{found ? `: ${found.fetched.toLocaleString('en-US')}${found.total !== null ? ` of ${found.total.toLocaleString('en-US')}` : ''} so far` : ''}…
          </Typography>
        )
      ) : null}
      <Typography sx={{ mb: 2 }}>
        Each tenant is read again just before it is saved: its other settings, including ones this console does not show, are kept.
      </Typography>
      <FormControl>
        <FormLabel id={labelId}>Policy to apply</FormLabel>
        <RadioGroup aria-labelledby={labelId} value={mode} onChange={(_event, value) => setMode(value as Mode)}>
          {SECURITY_PRESETS.map((p) => (
            <FormControlLabel key={p.id} value={p.id} control={<Radio />} label={`Preset: ${p.name}`} />
          ))}
          <FormControlLabel value="tenant" control={<Radio />} label="Another tenant’s password policy" />
        </RadioGroup>
      </FormControl>
      {preset ? (
        <Box sx={{ mt: 1 }}>
          <Typography variant="subtitle2" component="h3">
            {preset.name}
          </Typography>
          <Box component="ul" sx={{ my: 0.5, pl: 3 }}>
            {preset.rules.map((rule) => (
              <Typography component="li" variant="body2" key={rule}>
                {rule}
              </Typography>
            ))}
          </Box>
          <Typography variant="body2">
            Source:{' '}
            {preset.source.url.startsWith('https://') ? (
              <Link href={preset.source.url} target="_blank" rel="noreferrer">
                {preset.source.title}
              </Link>
            ) : (
              preset.source.title
            )}
          </Typography>
        </Box>
      ) : null}
      {mode === 'tenant' ? (
        <Box sx={{ mt: 1 }}>
          <LazyTenantPicker
            label="Copy the password policy of"
            value={sourceId}
            onChange={setSourceId}
            margin="dense"
            helperText="Only its password policy is copied: MFA and the session timeout stay as each tenant has them."
          />
          {sourceId && source.isError ? (
            <Alert severity="error" sx={{ mt: 1 }}>
              Could not read that tenant: {cleanServerMessage(errorMessage(source.error))}
            </Alert>
          ) : choice?.kind === 'password-policy' ? (
            <Typography variant="body2" sx={{ mt: 1 }}>
              Password policy of {choice.source.name}: {passwordPolicySummary(choice.policy)}.
            </Typography>
          ) : null}
        </Box>
      ) : null}
      {choice ? <WhatChanges choice={choice} count={count} /> : null}
    </BulkRunDialogs>
  );
}

/** Exactly what the run sets on each tenant, every setting and its value. */
function WhatChanges({ choice, count }: { choice: PolicyChoice; count: string }) {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 2 }}>
      <Typography id={headingId} variant="subtitle2" component="h3">
        What changes
      </Typography>
      <Typography variant="body2">
        {choiceName(choice).charAt(0).toUpperCase() + choiceName(choice).slice(1)} is applied to {count}: on each, these settings are set.
      </Typography>
      <Box component="ul" sx={{ my: 0.5, pl: 3 }}>
        {choiceWords(choice).map(({ field, value }) => (
          <Typography component="li" variant="body2" key={field}>
            {field}: {value}
          </Typography>
        ))}
      </Box>
      <Typography variant="body2">
        Nothing else changes. A setting stricter than this is set to this too; a tenant that already has exactly these is skipped.
      </Typography>
    </Box>
  );
}
