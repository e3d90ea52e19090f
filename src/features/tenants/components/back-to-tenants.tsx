import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router-dom';
import { paths } from '@/config/paths';

/** The breadcrumb above a tenant screen: the way back to the list. */
export function BackToTenants() {
  return (
    <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 1 }}>
      <Link component={RouterLink} to={paths.tenants.to()}>
        Tenants
      </Link>
    </Breadcrumbs>
  );
}
