import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '@/hooks/use-document-title';

export interface PageHeaderProps {
  /** The page's one h1; also sets document.title to "<title> · ScaiKey Admin". */
  title: string;
  description?: ReactNode;
  /** Toolbar actions on the right (e.g. a create button). */
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <Box
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'flex-start',
        justifyContent: 'space-between',
        gap: 2,
        mb: 3,
      }}
    >
      <Box>
        <Typography variant="h4" component="h1">
          {title}
        </Typography>
        {description ? (
          // A paragraph for text; a div for elements (a Chip is a div, which a <p> may not hold).
          <Typography color="textSecondary" component={typeof description === 'string' ? 'p' : 'div'} sx={{ mt: 1 }}>
            {description}
          </Typography>
        ) : null}
      </Box>
      {actions ? <Box sx={{ display: 'flex', gap: 1 }}>{actions}</Box> : null}
    </Box>
  );
}
