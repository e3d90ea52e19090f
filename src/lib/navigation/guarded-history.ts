import { NavigationType, parsePath, type Location, type To } from 'react-router-dom';

/**
 * The history the console's router runs on: react-router's own browser (or, in tests, memory)
 * history, plus a navigation blocker like the data router's `useBlocker`.
 *
 * Why not the data router: `createBrowserRouter` weighs ~17 KB of gzip JavaScript on every screen
 * (loaders, actions, fetchers, revalidation, none of which the console uses; react-query loads
 * its data). `useBlocker` was the one data-router feature the console needed, so it lives here:
 * ~1 KB, with the same rules (one blocker at a time; Back/Forward are reverted while asking, then
 * replayed if the user leaves).
 */

/** The part of react-router's `History` this needs (its own type is not exported). */
export interface RouterHistory {
  readonly action: NavigationType;
  readonly location: Location;
  createHref(to: To): string;
  createURL(to: To): URL;
  encodeLocation(to: To): { pathname: string; search: string; hash: string };
  push(to: To, state?: unknown): void;
  replace(to: To, state?: unknown): void;
  go(delta: number): void;
  listen(listener: (update: HistoryUpdate) => void): () => void;
}

export interface HistoryUpdate {
  action: NavigationType;
  location: Location;
  delta: number | null;
}

export type BlockerFunction = (args: {
  currentLocation: Location;
  nextLocation: Location;
  historyAction: NavigationType;
}) => boolean;

export type Blocker =
  | { state: 'unblocked'; location?: undefined; proceed?: undefined; reset?: undefined }
  | { state: 'blocked'; location: Location; proceed: () => void; reset: () => void }
  | { state: 'proceeding'; location: Location; proceed?: undefined; reset?: undefined };

export interface GuardedHistory extends RouterHistory {
  /** Sets the blocker asked before every navigation; returns a function that removes it. */
  block(shouldBlock: BlockerFunction): () => void;
  /** The blocker's state, for useSyncExternalStore. */
  getBlocker(): Blocker;
  subscribeBlocker(onChange: () => void): () => void;
}

const UNBLOCKED: Blocker = { state: 'unblocked' };

function nextLocationOf(current: Location, to: To, state: unknown): Location {
  const path = typeof to === 'string' ? parsePath(to) : to;
  return {
    pathname: path.pathname ?? current.pathname,
    search: path.search ?? '',
    hash: path.hash ?? '',
    state: state ?? null,
    key: 'blocked',
  };
}

export function guardHistory(inner: RouterHistory): GuardedHistory {
  let shouldBlock: BlockerFunction | null = null;
  let blocker: Blocker = UNBLOCKED;
  // Back/Forward moves of our own (undoing a blocked one) whose popstate is still to come.
  let ownPops = 0;
  const subscribers = new Set<() => void>();

  function setBlocker(next: Blocker) {
    blocker = next;
    subscribers.forEach((notify) => notify());
  }

  // While the dialog is open ('blocked'), another navigation (Back pressed again, a link, code) is
  // asked about too and becomes the one the dialog is about; only the one being let through
  // ('proceeding') is not asked about.
  function blocks(currentLocation: Location, nextLocation: Location, historyAction: NavigationType): boolean {
    if (!shouldBlock || blocker.state === 'proceeding') return false;
    return shouldBlock({ currentLocation, nextLocation, historyAction });
  }

  function guardedNavigation(historyAction: NavigationType, to: To, state: unknown, navigate: () => void) {
    const location = nextLocationOf(inner.location, to, state);
    if (!blocks(inner.location, location, historyAction)) {
      navigate();
      return;
    }
    setBlocker({
      state: 'blocked',
      location,
      proceed: () => {
        setBlocker({ state: 'proceeding', location });
        navigate();
        setBlocker(UNBLOCKED);
      },
      reset: () => setBlocker(UNBLOCKED),
    });
  }

  return {
    get action() {
      return inner.action;
    },
    get location() {
      return inner.location;
    },
    createHref: (to) => inner.createHref(to),
    createURL: (to) => inner.createURL(to),
    encodeLocation: (to) => inner.encodeLocation(to),
    go: (delta) => inner.go(delta),
    push(to, state) {
      guardedNavigation(NavigationType.Push, to, state, () => inner.push(to, state));
    },
    replace(to, state) {
      guardedNavigation(NavigationType.Replace, to, state, () => inner.replace(to, state));
    },
    listen(listener) {
      // Where the app is: on Back/Forward the inner history has already moved when it tells us.
      let current = inner.location;
      return inner.listen((update) => {
        if (update.action === NavigationType.Pop) {
          if (ownPops > 0) {
            // The browser going back to where it was after a blocked Back/Forward.
            ownPops -= 1;
            return;
          }
          const { delta, location } = update;
          // Back/Forward has already moved the browser: go back to where we were and ask. Without
          // a delta (an entry from before this page load) there is no way back, so it is let through.
          if (delta != null && delta !== 0 && blocks(current, location, update.action)) {
            ownPops += 1;
            inner.go(-delta);
            setBlocker({
              state: 'blocked',
              location,
              proceed: () => {
                setBlocker({ state: 'proceeding', location });
                inner.go(delta);
              },
              reset: () => setBlocker(UNBLOCKED),
            });
            return;
          }
        }
        current = update.location;
        listener(update);
        if (blocker.state === 'proceeding') setBlocker(UNBLOCKED);
      });
    },
    block(fn) {
      shouldBlock = fn;
      return () => {
        if (shouldBlock !== fn) return;
        shouldBlock = null;
        if (blocker.state === 'blocked') setBlocker(UNBLOCKED);
      };
    },
    getBlocker: () => blocker,
    subscribeBlocker(onChange) {
      subscribers.add(onChange);
      return () => subscribers.delete(onChange);
    },
  };
}
