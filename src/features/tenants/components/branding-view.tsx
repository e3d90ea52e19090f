import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Tenant } from '../schemas';

/** The tenant's branding as read-only JSON (shown as text, never interpreted). */
export function BrandingView({ tenant }: { tenant: Tenant }) {
  const empty = Object.keys(tenant.branding ?? {}).length === 0;
  return (
    <Box component="section" aria-labelledby="branding-heading" sx={{ mb: 4 }}>
      <Typography id="branding-heading" component="h2" variant="h5" sx={{ mb: 1 }}>
        Branding
      </Typography>
      {empty ? (
        <Typography color="textSecondary">No branding is set; ScaiKey&apos;s default look is used.</Typography>
      ) : (
        <Box
          component="pre"
          role="region"
          tabIndex={0}
          aria-label="Branding JSON"
          sx={{
            m: 0,
            p: 2,
            borderRadius: 1,
            bgcolor: 'action.hover',
            fontFamily: 'monospace',
            fontSize: '0.875rem',
            overflowX: 'auto',
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
          }}
        >
          {JSON.stringify(tenant.branding, null, 2)}
        </Box>
      )}
    </Box>
  );
}
