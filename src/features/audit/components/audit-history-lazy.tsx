import { lazy, Suspense } from 'react';
import type { AuditHistoryProps } from './audit-history';

const Panel = lazy(() => import('./audit-history').then((m) => ({ default: m.AuditHistory })));

/**
 * The History panel, its code loaded apart from the page it sits on (words, settings labels), once
 * that page has drawn its own record: the record's first paint never waits for it.
 */
export function AuditHistory(props: AuditHistoryProps) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
