import Button, { type ButtonProps } from '@mui/material/Button';
import { useState } from 'react';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import type { BulkSnapshot } from '@/lib/bulk-runner';
import type { TenantFilter } from '../api/apply-policy';
import type { SecurityPresetId } from '../security-presets';
import type { ApplyPolicyTarget } from './apply-policy-dialogs';
import type { BulkTenant } from './bulk-status';

/**
 * "Apply a security policy" for a screen other than the tenants list (issue 18: the security
 * overview's "falls short of the baseline"): to every tenant a filter matches, up to 1,000
 * (`filter={{ mfa_required: 'false' }}`, the tenants list's URL filters), or to tenants already
 * known (`tenants`). Only the button is in the screen's bundle: the choice, the confirmation and
 * the progress dialog load on the click (apply-policy-dialogs.tsx).
 */

const ApplyPolicyDialogs = lazyDialog(() => import('./apply-policy-dialogs').then((m) => m.ApplyPolicyDialogs));

export type ApplyPolicyButtonProps = Omit<ButtonProps, 'onClick' | 'children'> &
  ({ filter: TenantFilter; tenants?: never } | { tenants: readonly BulkTenant[]; filter?: never }) & {
    /** The button's words; default "Apply a security policy". */
    label?: string;
    /** The preset chosen when the dialog opens (e.g. the overview's baseline). */
    preset?: SecurityPresetId;
    /** The run's dialog was closed (null: cancelled before anything ran). */
    onClosed?: (results: BulkSnapshot<BulkTenant> | null) => void;
  };

export function ApplyPolicyButton({ filter, tenants, label = 'Apply a security policy', preset, onClosed, ...button }: ApplyPolicyButtonProps) {
  const [open, setOpen] = useState(false);
  // Frozen at the click: a filter or rows that change meanwhile do not change the run.
  const [target, setTarget] = useState<ApplyPolicyTarget | null>(null);
  return (
    <>
      <Button
        variant="outlined"
        size="small"
        {...button}
        onClick={() => {
          setTarget(tenants ? { tenants } : { filter: filter ?? {} });
          setOpen(true);
        }}
      >
        {label}
      </Button>
      {target ? (
        <ApplyPolicyDialogs
          open={open}
          target={target}
          preset={preset}
          onClose={(results) => {
            setOpen(false);
            onClosed?.(results);
          }}
        />
      ) : null}
    </>
  );
}
