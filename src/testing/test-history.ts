import { UNSAFE_createMemoryHistory } from 'react-router-dom';
import { guardHistory, type GuardedHistory } from '@/lib/navigation/guarded-history';

/** The app's guarded history, in memory, starting at `url`: what tests give <AppRouter>. */
export function createTestHistory(url = '/'): GuardedHistory {
  return guardHistory(UNSAFE_createMemoryHistory({ initialEntries: [url], v5Compat: true }));
}
