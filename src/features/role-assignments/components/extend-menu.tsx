import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import MenuList from '@mui/material/MenuList';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useState } from 'react';
import { exactTime } from '@/utils/dates';
import { useExtendAssignment } from '../api/mutations';
import type { RoleAssignment } from '../api/queries';
import { EXTEND_DAYS, extensionFor, isExpired } from '../extend';
import { useSuperAdminProtection } from './use-super-admin-protection';

// The date form (react-hook-form, zod) loads when "To a date…" is first chosen, then stays mounted
// to close with its transition. As lazyDialog does, written out: importing that shared module
// here split it, and the table module bundled with it, into chunks of their own on every list.
const ExtendUntilDialog = lazy(() => import('./extend-until-dialog').then((m) => ({ default: m.ExtendUntilDialog })));

export interface ExtendMenuProps {
  id: string;
  anchorEl: HTMLElement | null;
  onClose: () => void;
  assignment: RoleAssignment;
  subject: string;
  currentAdminId: string | undefined;
}

/**
 * The choices of ExtendMenuButton (loaded with its first open): +7, +30, +90 days ("Renew for +7
 * days" once expired), each showing the date it leads to, and "To a date…". Refused on the admin's
 * own Super Admin role, saying why.
 */
export function ExtendMenu({ id, anchorEl, onClose, assignment, subject, currentAdminId }: ExtendMenuProps) {
  const [choosingDate, setChoosingDate] = useState(false);
  const [dateOpened, setDateOpened] = useState(false);
  const extend = useExtendAssignment();
  const refusal = useSuperAdminProtection(assignment, currentAdminId).setExpiry;
  const open = anchorEl !== null;
  // Read when the menu draws (it opens anew each time): the dates shown are those sent.
  const now = new Date();
  const renew = isExpired(assignment, now);
  const disabled = refusal !== null || extend.isPending;

  return (
    <>
      {/* Popover and MenuList, as the account menu: both are in the shell's chunk already, where
          MUI's Menu would have been split out of Select into a chunk of its own on every list. */}
      <Popover
        open={open}
        anchorEl={anchorEl}
        onClose={onClose}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        {refusal ? (
          <Typography id={`${id}-reason`} variant="body2" color="textSecondary" sx={{ px: 2, pt: 1.5, pb: 0.5, maxWidth: 360 }}>
            {refusal}
          </Typography>
        ) : null}
        <MenuList
          id={id}
          autoFocusItem={open}
          aria-label={renew ? `Renew ${subject}, counted from now` : `Extend ${subject}`}
          aria-describedby={refusal ? `${id}-reason` : undefined}
        >
          {EXTEND_DAYS.map((days) => {
            const extension = extensionFor(assignment, { days }, now);
            const to = extension && 'body' in extension ? exactTime(extension.body.expires_at) : null;
            return (
              <MenuItem
                key={days}
                disabled={disabled}
                onClick={() => {
                  onClose();
                  extend.mutate({ assignment, choice: { days } });
                }}
              >
                <ListItemText primary={`${renew ? 'Renew for ' : ''}+${days} days`} secondary={to ? `${renew ? 'until' : 'to'} ${to}` : undefined} />
              </MenuItem>
            );
          })}
          <MenuItem
            disabled={disabled}
            onClick={() => {
              onClose();
              setChoosingDate(true);
              setDateOpened(true);
            }}
          >
            <ListItemText primary="To a date…" />
          </MenuItem>
        </MenuList>
      </Popover>
      {dateOpened ? (
        <Suspense fallback={null}>
          <ExtendUntilDialog open={choosingDate} onClose={() => setChoosingDate(false)} assignment={assignment} subject={subject} />
        </Suspense>
      ) : null}
    </>
  );
}
