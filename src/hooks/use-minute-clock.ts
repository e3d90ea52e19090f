import { useEffect, useState } from 'react';

/**
 * The time, updated once a minute: for what depends on it ("in 3 minutes", expired or not) in
 * components that would otherwise redraw only when their data changes.
 */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
