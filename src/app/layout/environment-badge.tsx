import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { visuallyHidden } from '@/components/ui/visually-hidden';

/** Which deployment this is ("Staging"), so nobody mistakes it for production. */
export function EnvironmentBadge({ name }: { name: string }) {
  return (
    <Chip
      size="small"
      variant="outlined"
      label={
        <>
          <Box component="span" sx={visuallyHidden}>
            Environment:{' '}
          </Box>
          {name}
        </>
      }
      sx={{ color: 'inherit', borderColor: 'currentColor', fontWeight: 600, ml: 1.5 }}
    />
  );
}
