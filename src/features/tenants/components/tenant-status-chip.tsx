import Chip from '@mui/material/Chip';
import { statusLabel } from '../schemas';

/**
 * ACTIVE with a green outline, SUSPENDED amber, anything else (a status this console does not
 * know) grey, as it comes. The label keeps the body text colour, so it reads in both themes.
 */
export function TenantStatusChip({ status }: { status: string }) {
  const color = status === 'ACTIVE' ? 'success.main' : status === 'SUSPENDED' ? 'warning.main' : 'divider';
  return (
    <Chip
      size="small"
      variant="outlined"
      label={statusLabel(status)}
      sx={{ borderColor: color, borderWidth: 2, color: 'text.primary', fontWeight: 500 }}
    />
  );
}
