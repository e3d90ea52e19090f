import Alert from '@mui/material/Alert';
import { PageHeader } from '@/components/ui/page-header';

export function RoleAssignmentsListRoute() {
  return (
    <>
      <PageHeader
        title="Role assignments"
        description="Who holds the Super Admin, Partner Admin and Tenant Admin roles, and until when."
      />
      <Alert severity="info">Coming in the next release: listing, granting and revoking admin roles.</Alert>
    </>
  );
}
