import { lazy, Suspense, useState, type ComponentType } from 'react';
import { once } from '@/utils/once';

/** A lazily loaded dialog, with a way to start loading its code before it opens. */
export type LazyDialogComponent<P> = ComponentType<P> & {
  /** Starts downloading the dialog's code (once); e.g. when the step before it opens. */
  preload: () => void;
};

/**
 * A dialog whose code loads the first time it opens (a form with react-hook-form and pickers
 * stays out of a screen's bundle until someone uses it), then stays mounted so it can close with
 * its transition and open again at once. `preload()` fetches the code ahead, so a dialog that
 * follows another (a confirmation, then its progress) opens without waiting for it.
 */
export function lazyDialog<P extends { open: boolean }>(load: () => Promise<ComponentType<P>>): LazyDialogComponent<P> {
  // A failed download is tried again the next time, not remembered.
  const code = once(() => load().then((component) => ({ default: component })));
  const Dialog = lazy(code.get);
  function LazyDialog(props: P) {
    const [opened, setOpened] = useState(props.open);
    if (props.open && !opened) setOpened(true);
    if (!opened) return null;
    return (
      <Suspense fallback={null}>
        <Dialog {...props} />
      </Suspense>
    );
  }
  return Object.assign(LazyDialog, {
    preload: () => {
      code.get().catch(() => undefined);
    },
  });
}
