import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import { useTheme } from '@mui/material/styles';
import Toolbar from '@mui/material/Toolbar';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { PRODUCT_NAME } from '@/config/constants';
import { paths } from '@/config/paths';
import { useNavigationPending } from '@/lib/navigation/app-router';
import { CommandPaletteButton } from './command-palette-button';
import { EnvironmentBadge } from './environment-badge';
import { MainNav } from './main-nav';
import { OfflineBanner } from './offline-banner';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';
import { ThemeToggle } from './theme-toggle';

export const DRAWER_WIDTH = 240;
const NAV_DRAWER_ID = 'main-navigation-drawer';

export interface AppShellProps {
  children: ReactNode;
  environmentName?: string;
  /** The account button (from the auth feature). */
  accountMenu?: ReactNode;
}

/**
 * The console's frame: skip link, app bar (<header>), the "Main" navigation (a permanent drawer on
 * wide screens, a temporary one behind "Open navigation" on small ones), and <main>.
 */
export function AppShell({ children, environmentName, accountMenu }: AppShellProps) {
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'), { noSsr: true });
  const [navOpen, setNavOpen] = useState(false);
  const navigating = useNavigationPending();

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <SkipLink />
      {/* Above the permanent drawer on wide screens; below the temporary (modal) one on small screens. */}
      <AppBar position="fixed" component="header" sx={wide ? { zIndex: (t) => t.zIndex.drawer + 1 } : undefined}>
        <Toolbar>
          {wide ? null : (
            <IconButton
              color="inherit"
              edge="start"
              aria-label="Open navigation"
              aria-controls={navOpen ? NAV_DRAWER_ID : undefined}
              aria-expanded={navOpen}
              onClick={() => setNavOpen(true)}
              sx={{ mr: 1 }}
            >
              <MenuIcon />
            </IconButton>
          )}
          <Link
            component={RouterLink}
            to={paths.home.to()}
            color="inherit"
            underline="hover"
            variant="h6"
            sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}
          >
            {PRODUCT_NAME}
          </Link>
          {environmentName ? <EnvironmentBadge name={environmentName} /> : null}
          <Box sx={{ flexGrow: 1 }} />
          <CommandPaletteButton />
          <ThemeToggle />
          {accountMenu}
        </Toolbar>
        {navigating ? (
          <LinearProgress aria-label="Loading page" color="inherit" sx={{ position: 'absolute', bottom: 0, left: 0, right: 0 }} />
        ) : null}
      </AppBar>

      {wide ? (
        <Drawer
          variant="permanent"
          sx={{
            width: DRAWER_WIDTH,
            flexShrink: 0,
            '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
          }}
        >
          <Toolbar />
          <MainNav />
        </Drawer>
      ) : (
        <Drawer
          id={NAV_DRAWER_ID}
          variant="temporary"
          open={navOpen}
          onClose={() => setNavOpen(false)}
          sx={{ '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
        >
          <MainNav onNavigate={() => setNavOpen(false)} />
        </Drawer>
      )}

      <Box
        component="main"
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        sx={{ flexGrow: 1, minWidth: 0, px: { xs: 2, md: 4 }, pb: 4, '&:focus': { outline: 'none' } }}
      >
        <Toolbar />
        <Box sx={{ pt: 3 }}>
          <OfflineBanner />
          {children}
        </Box>
      </Box>
    </Box>
  );
}
