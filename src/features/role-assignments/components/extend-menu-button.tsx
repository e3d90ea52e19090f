import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import MoreVert from '@mui/icons-material/MoreVert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import { lazy, Suspense, useId, useState, type MouseEvent } from 'react';
import type { RoleAssignment } from '../api/queries';
import { assignmentStatus } from '../schemas';

const loadMenu = () => import('./extend-menu');
// The menu, its dialog and the request load on the first open (or hover, or focus): the list's
// bundle keeps only this button (the list is within 2 KB of its budget).
const ExtendMenu = lazy(() => loadMenu().then((m) => ({ default: m.ExtendMenu })));

export interface ExtendMenuButtonProps {
  assignment: RoleAssignment;
  /** `row`: an icon button named `label` (a table row's menu); `page`: an "Extend"/"Renew" button. */
  variant: 'row' | 'page';
  /** Names the row's button, which adds what it does: "More actions for Tenant Admin of Ana Lima for Acme: extend" (or ": renew"). */
  label?: string;
  /** What the dialog's title calls the assignment: "Tenant Admin of Ana Lima". */
  subject: string;
  /** The signed-in admin: their own Super Admin role cannot be given a (longer) expiry. */
  currentAdminId: string | undefined;
  /** Refused beforehand (the page's button), with the reason's element id. */
  disabled?: boolean;
  describedBy?: string;
}

/**
 * Extend (+7, +30, +90 days, to a date) or, once expired, Renew (counted from now, active again).
 * Nothing for an assignment without an expiry.
 */
export function ExtendMenuButton({ assignment, variant, label, subject, currentAdminId, disabled = false, describedBy }: ExtendMenuButtonProps) {
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [loaded, setLoaded] = useState(false);
  if (!assignment.expires_at) return null;

  const open = anchor !== null;
  // Not extend.ts's isExpired (the same rule): that module stays in the menu's chunk.
  const renew = assignmentStatus(assignment) === 'expired';
  const trigger = {
    id: `${menuId}-button`,
    'aria-haspopup': 'menu' as const,
    'aria-expanded': open ? ('true' as const) : undefined,
    'aria-controls': open ? menuId : undefined,
    'aria-describedby': describedBy,
    disabled,
    onClick: (event: MouseEvent<HTMLElement>) => {
      setAnchor(event.currentTarget);
      setLoaded(true);
    },
    onPointerEnter: () => void loadMenu(),
    onFocus: () => void loadMenu(),
  };
  return (
    <>
      {variant === 'row' ? (
        <IconButton size="small" aria-label={`${label}: ${renew ? 'renew' : 'extend'}`} {...trigger}>
          <MoreVert fontSize="small" />
        </IconButton>
      ) : (
        <Button size="small" variant="outlined" endIcon={<ArrowDropDown />} {...trigger}>
          {renew ? 'Renew' : 'Extend'}
        </Button>
      )}
      {loaded ? (
        <Suspense fallback={null}>
          <ExtendMenu
            id={menuId}
            anchorEl={anchor}
            onClose={() => setAnchor(null)}
            assignment={assignment}
            subject={subject}
            currentAdminId={currentAdminId}
          />
        </Suspense>
      ) : null}
    </>
  );
}
