import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useCallback, useEffect, useId, useRef, type ReactNode } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router-dom';

/**
 * Asks before leaving a page with unsaved changes: in-app navigation through the router's blocker
 * (a dialog: Stay / Leave without saving), reloads and closing the tab through `beforeunload`
 * (the browser's own prompt). Changing only the search or hash of the same page is not leaving.
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

  const titleId = useId();
  const descriptionId = useId();
  const dialog = (
    <Dialog
      open={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id={titleId}>Leave without saving?</DialogTitle>
      <DialogContent>
        <DialogContentText id={descriptionId}>
          You have changes that are not saved. If you leave this page now, they are lost.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        {/* Staying is the safe choice, so it has the focus. */}
        {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
        <Button autoFocus onClick={() => blocker.reset?.()}>
          Stay on this page
        </Button>
        <Button variant="contained" color="error" onClick={() => blocker.proceed?.()}>
          Leave without saving
        </Button>
      </DialogActions>
    </Dialog>
  );

  const allowNextNavigation = useCallback(() => {
    bypass.current = true;
  }, []);

  return { dialog, allowNextNavigation };
}
