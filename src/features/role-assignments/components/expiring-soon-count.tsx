import Box from '@mui/material/Box';
import { useQuery } from '@tanstack/react-query';
import { useAfterFirstData } from '@/hooks/use-after-first-data';
import { visuallyHidden } from '@/components/ui/visually-hidden';
import { roleAssignmentQueries } from '../api/queries';

/**
 * How many roles expire within 7 days, for the navigation: a small count whose accessible name
 * says what it counts. Nothing when there are none, while loading, on an error, or when the server
 * ignores the expiry filters (its count would be of every assignment).
 */
export function ExpiringSoonCount() {
  // Counts wait for the page's first rows and names (use-after-first-data.ts).
  const counts = useQuery({ ...roleAssignmentQueries.expiryCounts(), throwOnError: false, enabled: useAfterFirstData() });
  const count = counts.data?.supported ? counts.data.counts['7d'] : 0;
  if (!count) return null;
  return (
    <Box
      component="span"
      sx={{ ml: 1, px: 0.75, minWidth: 22, borderRadius: 11, textAlign: 'center', typography: 'caption', fontWeight: 600, border: 1, borderColor: 'warning.main', color: 'text.primary' }}
    >
      <span aria-hidden="true">{count}</span>
      <Box component="span" sx={visuallyHidden}>
        {`${count} expiring within 7 days`}
      </Box>
    </Box>
  );
}
