import {
  createContext,
  startTransition,
  useContext,
  useEffect,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { Router, UNSAFE_createBrowserHistory } from 'react-router-dom';
import { guardHistory, type Blocker, type BlockerFunction, type GuardedHistory } from './guarded-history';

/** The browser's history, guarded (see guarded-history.ts). */
export function createAppHistory(): GuardedHistory {
  return guardHistory(UNSAFE_createBrowserHistory({ v5Compat: true }));
}

const HistoryContext = createContext<GuardedHistory | null>(null);

// Downloads a navigation is waiting for (a screen's code), for the app bar's progress bar.
let pendingLoads = 0;
const pendingListeners = new Set<() => void>();
function setPendingLoads(change: number) {
  pendingLoads += change;
  pendingListeners.forEach((notify) => notify());
}

/** Marks a download the current navigation waits for, until it settles. */
export function trackNavigation<T>(download: Promise<T>): Promise<T> {
  setPendingLoads(1);
  const done = () => setPendingLoads(-1);
  download.then(done, done);
  return download;
}

export interface AppRouterProps {
  history: GuardedHistory;
  basename?: string;
  children: ReactNode;
}

/**
 * react-router's declarative router on a guarded history. Each location change renders in a React
 * transition: while the next screen's code downloads, the current screen stays (and
 * `useNavigationPending()` is true: the app bar shows a progress bar).
 */
export function AppRouter({ history, basename, children }: AppRouterProps) {
  const [state, setState] = useState(() => ({ action: history.action, location: history.location }));
  useLayoutEffect(
    () => history.listen(({ action, location }) => startTransition(() => setState({ action, location }))),
    [history],
  );
  return (
    <HistoryContext.Provider value={history}>
      <Router basename={basename} navigator={history} location={state.location} navigationType={state.action}>
        {children}
      </Router>
    </HistoryContext.Provider>
  );
}

/**
 * True while a navigation waits for a screen's code. Only then: a transition's own pending flag is
 * also true for the render of every filter or page change, which made the bar flicker.
 */
export function useNavigationPending(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      pendingListeners.add(onChange);
      return () => pendingListeners.delete(onChange);
    },
    () => pendingLoads > 0,
  );
}

function useGuardedHistory(): GuardedHistory {
  const history = useContext(HistoryContext);
  if (!history) throw new Error('useBlocker must be used inside <AppRouter>.');
  return history;
}

/**
 * Like react-router's data-router `useBlocker`: while `shouldBlock` says so, navigations stop at
 * "blocked" until `proceed()` or `reset()`. One blocker at a time.
 */
export function useBlocker(shouldBlock: BlockerFunction): Blocker {
  const history = useGuardedHistory();
  useEffect(() => history.block(shouldBlock), [history, shouldBlock]);
  return useSyncExternalStore(history.subscribeBlocker, history.getBlocker);
}

export type { Blocker, BlockerFunction, GuardedHistory };
