import DarkModeOutlined from '@mui/icons-material/DarkModeOutlined';
import LightModeOutlined from '@mui/icons-material/LightModeOutlined';
import IconButton from '@mui/material/IconButton';
import { useColorMode } from '@/components/theme/color-mode-provider';

/**
 * Light/dark switch. Follows the system until used; the choice is then remembered. Its hint is the
 * browser's own (`title`): MUI's Tooltip would bring Popper.js (~7 KB gzip) into every screen.
 */
export function ThemeToggle() {
  const { mode, toggle } = useColorMode();
  const label = mode === 'dark' ? 'Switch to light mode' : 'Switch to dark mode';
  return (
    <IconButton color="inherit" aria-label={label} title={label} onClick={toggle}>
      {mode === 'dark' ? <LightModeOutlined /> : <DarkModeOutlined />}
    </IconButton>
  );
}
