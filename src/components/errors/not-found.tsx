import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { useDocumentTitle } from '@/hooks/use-document-title';

export interface NotFoundProps {
  title?: string;
  message?: string;
  /** Where the way back leads (a router path) and what the link says. */
  backTo: string;
  backLabel: string;
  headingLevel?: 'h1' | 'h2';
}

/** "Not found" in place, always with a way back. */
export function NotFound({
  title = 'Page not found',
  message = 'There is nothing at this address. It may have been moved or deleted.',
  backTo,
  backLabel,
  headingLevel = 'h1',
}: NotFoundProps) {
  useDocumentTitle(headingLevel === 'h1' ? title : null);
  return (
    <Box sx={{ py: 4, maxWidth: 720 }}>
      <Typography variant={headingLevel === 'h1' ? 'h4' : 'h5'} component={headingLevel} gutterBottom>
        {title}
      </Typography>
      <Typography sx={{ mb: 2 }}>{message}</Typography>
      <Link component={RouterLink} to={backTo}>
        {backLabel}
      </Link>
    </Box>
  );
}
