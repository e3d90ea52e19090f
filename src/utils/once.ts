/**
 * Calls `importer` once; later calls share its promise, unless it failed (then the next call tries
 * again: a failed download is not remembered). `value()` is the result once there. For code loaded
 * on demand: screens (app/screens.ts), lazy dialogs, the times' tooltip.
 */
export function once<T>(importer: () => Promise<T>): { get: () => Promise<T>; value: () => T | undefined } {
  let loading: Promise<T> | undefined;
  let value: T | undefined;
  return {
    get: () =>
      (loading ??= importer().then(
        (result) => (value = result),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
    value: () => value,
  };
}
