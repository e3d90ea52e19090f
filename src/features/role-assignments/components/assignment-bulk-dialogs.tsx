import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState } from 'react';
import { countOf } from '@/components/data-list/bulk-actions-bar';
import { BulkRunDialogs } from '@/components/data-list/bulk-run-dialogs';
import { ApiError } from '@/lib/api-error';
import { serialByKey, skipped, type BulkSnapshot } from '@/lib/bulk-runner';
import { localDateTimeToIso } from '@/utils/dates';
import { revokeAssignment, useRefreshAssignments, useUpdateAssignment } from '../api/bulk';
import { useAssignmentNames, type AssignmentNames } from '../api/names';
import { fetchAssignment, type RoleAssignment } from '../api/queries';
import { EXTEND_DAYS, extensionFor, UNTIL_INVALID, UNTIL_NOT_FUTURE, type ExtendChoice } from '../extend';
import { isOwnSuperAdmin, roleLabel } from '../schemas';
import { scopeText, userName } from './assignment-bits';
import { ASSIGNMENT_NOUN, BULK_VERBS, type BulkAction, type BulkItem } from './assignment-bulk-kinds';
import { OrphanCleanupChoice } from './orphan-cleanup';

/**
 * The confirmation, then the progress dialog, of a bulk action on role assignments: loaded the
 * first time an admin clicks one of the bulk buttons. Each row's task reads the assignment afresh
 * (the copy the list showed may be minutes old: extended from its row menu since, changed by
 * another admin) and decides from that: skipped, with the reason, when the action cannot apply
 * (the admin's own Super Admin role, which the API refuses; already active or inactive; no expiry
 * to extend); the Extend date counted from the current expiry. Anything else goes to the server,
 * whose refusal is listed. A row gone meanwhile fails with "no longer exists" (a revoke: skipped,
 * it is already what was asked).
 *
 * Revokes with the orphan cleanup run one user's at a time: two at once would each see the
 * other's role still there, and neither would remove the user left without any.
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
  gone: 'no longer exists',
} as const;

/** The assignment as the server holds it now, or null when it is gone (404). */
async function readAssignment(id: string, signal?: AbortSignal): Promise<RoleAssignment | null> {
  try {
    return await fetchAssignment(id, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

type ExtendMode = '7' | '30' | '90' | 'until';

/** "Ana Lima (Tenant Admin, Acme Corporation)": how a row is named in the results. */
function itemLabel(item: BulkItem, names: AssignmentNames, fresh?: RoleAssignment): string {
  const a = item.assignment ?? fresh;
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

  /** The copies read by the tasks, by id: they name the rows no list held. */
  const freshCopies = useRef(new Map<string, RoleAssignment>());
  /** One user's revokes with the orphan cleanup, one after another (see above). */
  const [oneUserAtATime] = useState(serialByKey);

  /** Why the action does not apply to the assignment as it is now, or null to send it. */
  const skipReason = (a: RoleAssignment): string | null => {
    if (action !== 'activate' && isOwnSuperAdmin(a, currentAdminId)) return SKIP_REASONS.ownSuperAdmin;
    if (action === 'deactivate' && !a.is_active) return SKIP_REASONS.alreadyInactive;
    if (action === 'activate' && a.is_active) return SKIP_REASONS.alreadyActive;
    return null;
  };

  const task = async ({ id }: BulkItem): Promise<unknown> => {
    const a = await readAssignment(id);
    if (!a) {
      if (action === 'revoke') return skipped(SKIP_REASONS.gone);
      throw new Error(SKIP_REASONS.gone);
    }
    freshCopies.current.set(id, a);
    const reason = skipReason(a);
    if (reason) return skipped(reason);
    switch (action) {
      case 'deactivate':
        return update(id, { is_active: false });
      case 'activate':
        return update(id, { is_active: true });
      case 'revoke':
        return cleanup ? oneUserAtATime(a.user_id, () => revokeAssignment(id, true)) : revokeAssignment(id, false);
      case 'extend': {
        // From the expiry it has now, at this moment: an expired row is renewed from now.
        const extension = extensionFor(a, choice);
        if (!extension) return skipped(SKIP_REASONS.noExpiry);
        if ('error' in extension) return skipped(extension.error);
        return update(id, extension.body);
      }
    }
  };

  const finished = (snapshot: BulkSnapshot<BulkItem>) => {
    // Revoked with cleanup: the user may be gone too.
    const users =
      action === 'revoke' && cleanup
        ? snapshot.items.flatMap(({ item, state }) => {
            const a = freshCopies.current.get(item.id) ?? item.assignment;
            return state.status === 'done' && a ? [a.user_id] : [];
          })
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
      task={task}
      itemLabel={(item) => itemLabel(item, names, freshCopies.current.get(item.id))}
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
