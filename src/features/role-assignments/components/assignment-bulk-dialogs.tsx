import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { countOf } from '@/components/data-list/bulk-actions-bar';
import { BulkRunDialogs } from '@/components/data-list/bulk-run-dialogs';
import type { BulkSnapshot } from '@/lib/bulk-runner';
import { localDateTimeToIso } from '@/utils/dates';
import { revokeAssignment, useRefreshAssignments, useUpdateAssignment } from '../api/bulk';
import { useAssignmentNames, type AssignmentNames } from '../api/names';
import { EXTEND_DAYS, extensionFor, UNTIL_INVALID, UNTIL_NOT_FUTURE, type ExtendChoice } from '../extend';
import { isOwnSuperAdmin, roleLabel } from '../schemas';
import { scopeText, userName } from './assignment-bits';
import { ASSIGNMENT_NOUN, BULK_VERBS, type BulkAction, type BulkItem } from './assignment-bulk-kinds';
import { OrphanCleanupChoice } from './orphan-cleanup';

/**
 * The confirmation, then the progress dialog, of a bulk action on role assignments: loaded the
 * first time an admin clicks one of the bulk buttons. Rows are skipped, with the reason, when the
 * action cannot apply: the admin's own Super Admin role (the API refuses it), already active or
 * inactive, no expiry to extend. Anything else goes to the server, whose refusal is listed.
 */

export interface AssignmentBulkDialogsProps {
  open: boolean;
  action: BulkAction;
  /** The selected rows, frozen when the button was clicked. */
  items: BulkItem[];
  currentAdminId: string | undefined;
  /** Cancelled at the confirmation (null), or closed after a run with its final results. */
  onClose: (results: BulkSnapshot<BulkItem> | null) => void;
}

export const SKIP_REASONS = {
  ownSuperAdmin: 'your own Super Admin role (another Super Admin can change it)',
  alreadyActive: 'already active',
  alreadyInactive: 'already inactive',
  noExpiry: 'no expiry to extend',
  notLoaded: 'no longer listed; select it again',
} as const;

type ExtendMode = '7' | '30' | '90' | 'until';

/** "Ana Lima (Tenant Admin, Acme Corporation)": how a row is named in the results. */
function itemLabel(item: BulkItem, names: AssignmentNames): string {
  const a = item.assignment;
  if (!a) return item.id;
  return `${userName(names.user(a.user_id), a.user_id)} (${roleLabel(a.role)}, ${scopeText(a, names)})`;
}

/** The extend choice, or why it cannot be made yet. */
function extendChoice(mode: ExtendMode, until: string, now: Date): ExtendChoice | { error: string } {
  if (mode !== 'until') return { days: Number(mode) as 7 | 30 | 90 };
  const at = until ? new Date(localDateTimeToIso(until)) : new Date(NaN);
  if (Number.isNaN(at.getTime())) return { error: UNTIL_INVALID };
  if (at.getTime() <= now.getTime()) return { error: UNTIL_NOT_FUTURE };
  return { until: at };
}

export function AssignmentBulkDialogs({ open, action, items, currentAdminId, onClose }: AssignmentBulkDialogsProps) {
  const update = useUpdateAssignment();
  const refresh = useRefreshAssignments();
  const names = useAssignmentNames(items.flatMap((item) => (item.assignment ? [item.assignment] : [])));
  const [cleanup, setCleanup] = useState(true);
  const [mode, setMode] = useState<ExtendMode>('30');
  const [until, setUntil] = useState('');
  const [choice, setChoice] = useState<ExtendChoice>({ days: 30 });
  const modeLabelId = useId();
  // Opened again: the defaults again (adjusting state while rendering).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setCleanup(true);
      setMode('30');
      setUntil('');
    }
  }

  const title = `${BULK_VERBS[action]} ${countOf(items.length, ASSIGNMENT_NOUN)}`;

  /** Why a row is left out, or null to run it. */
  const skip = ({ assignment: a }: BulkItem): string | null => {
    if (!a) return SKIP_REASONS.notLoaded;
    if (action !== 'activate' && isOwnSuperAdmin(a, currentAdminId)) return SKIP_REASONS.ownSuperAdmin;
    if (action === 'deactivate' && !a.is_active) return SKIP_REASONS.alreadyInactive;
    if (action === 'activate' && a.is_active) return SKIP_REASONS.alreadyActive;
    if (action === 'extend') {
      const extension = extensionFor(a, choice);
      if (!extension) return SKIP_REASONS.noExpiry;
      if ('error' in extension) return extension.error;
    }
    return null;
  };

  const task = async ({ id, assignment }: BulkItem): Promise<unknown> => {
    switch (action) {
      case 'deactivate':
        return update(id, { is_active: false });
      case 'activate':
        return update(id, { is_active: true });
      case 'revoke':
        return revokeAssignment(id, cleanup);
      case 'extend': {
        // Computed when it is sent: an expired row is renewed from that moment.
        const extension = assignment ? extensionFor(assignment, choice) : null;
        if (!extension || 'error' in extension) throw new Error(extension?.error ?? SKIP_REASONS.noExpiry);
        return update(id, extension.body);
      }
    }
  };

  const finished = (snapshot: BulkSnapshot<BulkItem>) => {
    // Revoked with cleanup: the user may be gone too.
    const users =
      action === 'revoke' && cleanup
        ? snapshot.items.flatMap(({ item, state }) => (state.status === 'done' && item.assignment ? [item.assignment.user_id] : []))
        : [];
    void refresh(users);
  };

  return (
    <BulkRunDialogs<BulkItem>
      open={open}
      title={title}
      destructive={action !== 'activate' && action !== 'extend'}
      maxWidth="sm"
      items={items}
      skip={skip}
      task={task}
      itemLabel={(item) => itemLabel(item, names)}
      onConfirm={
        action === 'extend'
          ? () => {
              const chosen = extendChoice(mode, until, new Date());
              if ('error' in chosen) throw new Error(chosen.error);
              setChoice(chosen);
            }
          : undefined
      }
      onFinished={finished}
      onClose={onClose}
    >
      {action === 'deactivate' ? (
        <Typography>
          They stop granting access until they are activated again. Nothing is deleted. Assignments already inactive, and
          your own Super Admin role, are skipped.
        </Typography>
      ) : action === 'activate' ? (
        <Typography>
          They grant access again, until their expiry (an expired one stays expired: extend it to renew it). Assignments
          already active are skipped.
        </Typography>
      ) : action === 'revoke' ? (
        <>
          <Typography sx={{ mb: 2 }}>
            Their users lose these roles at once. This cannot be undone; the roles can be assigned again later. Your own
            Super Admin role is skipped.
          </Typography>
          <OrphanCleanupChoice checked={cleanup} onChange={setCleanup} many />
        </>
      ) : (
        <ExtendFields mode={mode} onMode={setMode} until={until} onUntil={setUntil} labelId={modeLabelId} />
      )}
    </BulkRunDialogs>
  );
}

function ExtendFields({
  mode,
  onMode,
  until,
  onUntil,
  labelId,
}: {
  mode: ExtendMode;
  onMode: (mode: ExtendMode) => void;
  until: string;
  onUntil: (value: string) => void;
  labelId: string;
}) {
  return (
    <>
      <Typography sx={{ mb: 2 }}>
        The days are added to each current expiry. An expired assignment is renewed: active again, the days counted from
        now. Assignments without an expiry, and your own Super Admin role, are skipped.
      </Typography>
      <FormControl>
        <FormLabel id={labelId}>Extend by</FormLabel>
        <RadioGroup aria-labelledby={labelId} value={mode} onChange={(_event, value) => onMode(value as ExtendMode)}>
          {EXTEND_DAYS.map((days) => (
            <FormControlLabel key={days} value={String(days)} control={<Radio />} label={`+${days} days`} />
          ))}
          <FormControlLabel value="until" control={<Radio />} label="To a date" />
        </RadioGroup>
      </FormControl>
      {mode === 'until' ? (
        <TextField
          type="datetime-local"
          label="New expiry"
          value={until}
          onChange={(event) => onUntil(event.target.value)}
          fullWidth
          margin="normal"
          slotProps={{ inputLabel: { shrink: true } }}
          helperText="Each assignment expires then; it must be after its current expiry."
        />
      ) : null}
    </>
  );
}
