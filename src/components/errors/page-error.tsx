import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'An unexpected error occurred.';
}

export interface PageErrorProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  /** "h1" when it stands for the whole page (default), "h2" inside a page that has its own h1. */
  headingLevel?: 'h1' | 'h2';
}

/** A failed load: what went wrong and a Retry button. */
export function PageError({ error, onRetry, title = 'Something went wrong', headingLevel = 'h1' }: PageErrorProps) {
  useDocumentTitle(headingLevel === 'h1' ? title : null);
  return (
    <Box sx={{ py: 4, maxWidth: 720 }}>
      <Typography variant={headingLevel === 'h1' ? 'h4' : 'h5'} component={headingLevel} gutterBottom>
        {title}
      </Typography>
      <Alert severity="error" role="alert" sx={{ mb: 2 }}>
        {errorMessage(error)}
      </Alert>
      {onRetry ? (
        <Button variant="contained" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
    </Box>
  );
}
