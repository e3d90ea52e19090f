import { NotFound } from '@/components/errors/not-found';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  return <NotFound backTo={paths.roleAssignments.to()} backLabel="Go to role assignments" />;
}
