import { lazy, Suspense, useCallback, useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import { useBlocker, type BlockerFunction } from '@/lib/navigation/app-router';
import type { UnsavedChangesDialogProps } from './unsaved-changes-dialog';

const LEAVE_QUESTION = 'You have changes that are not saved. Leave this page without saving them?';

/** When the dialog's code cannot be downloaded (offline, or a deploy removed it): the browser's own question. */
function BrowserConfirm({ open, onStay, onLeave }: UnsavedChangesDialogProps) {
  useEffect(() => {
    if (!open) return;
    if (window.confirm(LEAVE_QUESTION)) onLeave();
    else onStay();
  }, [open, onStay, onLeave]);
  return null;
}

// The dialog's code (MUI Dialog and its parts) downloads at the first unsaved change, not with
// the page: most visits never need it, and by the time someone leaves it is there. A failed
// download must not take the form (and what was typed) down with it.
const UnsavedChangesDialog = lazy<ComponentType<UnsavedChangesDialogProps>>(() =>
  import('./unsaved-changes-dialog').then(
    (m) => ({ default: m.UnsavedChangesDialog }),
    () => ({ default: BrowserConfirm }),
  ),
);

/**
 * Asks before leaving a page with unsaved changes: in-app navigation (links, Back and Forward)
 * through the router's blocker (a dialog: Stay / Leave without saving), reloads and closing the
 * tab through `beforeunload` (the browser's own prompt). Changing only the search or hash of the
 * same page is not leaving.
 *
 * `allowNextNavigation()` lets one navigation through, e.g. to the record just created.
 */
export function useUnsavedChangesGuard(dirty: boolean): { dialog: ReactNode; allowNextNavigation: () => void } {
  const bypass = useRef(false);
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => {
      if (bypass.current) {
        bypass.current = false;
        return false;
      }
      return dirty && currentLocation.pathname !== nextLocation.pathname;
    },
    [dirty],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const stay = useCallback(() => blocker.reset?.(), [blocker]);
  const leave = useCallback(() => blocker.proceed?.(), [blocker]);
  const dialog =
    dirty || blocker.state === 'blocked' ? (
      <Suspense fallback={null}>
        <UnsavedChangesDialog open={blocker.state === 'blocked'} onStay={stay} onLeave={leave} />
      </Suspense>
    ) : null;

  const allowNextNavigation = useCallback(() => {
    bypass.current = true;
  }, []);

  return { dialog, allowNextNavigation };
}
