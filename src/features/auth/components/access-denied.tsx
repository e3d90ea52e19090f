import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { signOut } from '@/lib/auth';

const TITLE = 'Super Admin access required';

/** Shown instead of the console (no navigation) to anyone signed in without an active Super Admin role. */
export function AccessDenied({ email }: { email: string | undefined }) {
  useDocumentTitle(TITLE);
  const [signingOut, setSigningOut] = useState(false);
  return (
    <Box component="main" sx={{ display: 'flex', justifyContent: 'center', px: 2, py: { xs: 4, md: 10 } }}>
      <Paper variant="outlined" sx={{ p: { xs: 3, md: 5 }, maxWidth: 640 }}>
        <Typography variant="h4" component="h1" gutterBottom>
          {TITLE}
        </Typography>
        <Typography sx={{ mb: 3 }}>
          {email ? `You are signed in as ${email}, but` : 'You are signed in, but'} this console is only for ScaiKey Super
          Admins. Your account has no active Super Admin role (it may have expired or been revoked). Ask a Super Admin to
          grant you access, or sign in with another account.
        </Typography>
        <Button
          variant="contained"
          loading={signingOut}
          onClick={() => {
            setSigningOut(true);
            void signOut().catch(() => setSigningOut(false));
          }}
        >
          Sign out
        </Button>
      </Paper>
    </Box>
  );
}
