import Box from '@mui/material/Box';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useAfterFirstData } from '@/hooks/use-after-first-data';
import { roleAssignmentQueries } from '../api/queries';
import { EXPIRY_FILTER_LABELS, EXPIRY_FILTERS, type ExpiryFilter } from '../list-filters';
import { EXPIRY_UNSUPPORTED } from './expiry-unsupported';

export { EXPIRY_UNSUPPORTED };

/**
 * Expiring within 7 days, within 30 days, expired: a segmented control in the URL, each with its
 * count (one `per_page=1` request each, shared with the navigation). Against a server that ignores
 * the expiry filters the control is disabled and says why, rather than offer wrong rows.
 */
export function ExpiryQuickFilter({ value, onChange }: { value: ExpiryFilter | undefined; onChange: (value: ExpiryFilter | undefined) => void }) {
  // Counts wait for the page's first rows and names (use-after-first-data.ts).
  const counts = useQuery({ ...roleAssignmentQueries.expiryCounts(), throwOnError: false, enabled: useAfterFirstData() });
  const unsupported = counts.data?.supported === false;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5, mb: 2 }}>
      <ToggleButtonGroup
        size="small"
        exclusive
        aria-label="Quick filter by expiry"
        value={value ?? null}
        disabled={unsupported}
        onChange={(_event, next: ExpiryFilter | null) => onChange(next ?? undefined)}
      >
        {EXPIRY_FILTERS.map((key) => {
          const count = counts.data?.supported ? counts.data.counts[key] : undefined;
          return (
            <ToggleButton key={key} value={key} sx={{ textTransform: 'none', color: 'text.primary' }}>
              {count === undefined ? EXPIRY_FILTER_LABELS[key] : `${EXPIRY_FILTER_LABELS[key]} (${count})`}
            </ToggleButton>
          );
        })}
      </ToggleButtonGroup>
      {unsupported ? (
        <Typography variant="body2" color="textSecondary">
          {EXPIRY_UNSUPPORTED}
        </Typography>
      ) : null}
    </Box>
  );
}
