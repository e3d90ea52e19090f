import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';

/** A centered progress indicator whose accessible name is "Loading". */
export function PageLoading({ label = 'Loading', fullScreen = false }: { label?: string; fullScreen?: boolean }) {
  return (
    <Box
      sx={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        minHeight: fullScreen ? '100vh' : 240,
        width: '100%',
      }}
    >
      <CircularProgress aria-label={label} />
    </Box>
  );
}
