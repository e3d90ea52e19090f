import IconButton from '@mui/material/IconButton';
import SvgIcon from '@mui/material/SvgIcon';
import { useEffect, useState, type ComponentType } from 'react';
import type { CommandPaletteHostProps } from './command-palette-host';

const load = () => import('./command-palette-host');
const preload = () => void load().catch(() => undefined);

/**
 * The app bar's Search button and the Ctrl+K / ⌘K shortcut, from any screen. Only these few lines
 * are in the shell (every screen loads it: ~0.5 KB gzip): the palette, its search and its dialog
 * load the first time it opens, or as soon as the pointer or the focus reaches the button. No
 * React.lazy/Suspense here: the entry chunk (the first visit's 27 KB budget) would have to export
 * them.
 */
export function CommandPaletteButton() {
  const [open, setOpen] = useState(false);
  // Kept mounted once loaded, so it closes with its transition and reopens at once.
  const [Palette, setPalette] = useState<ComponentType<CommandPaletteHostProps> | null>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  useEffect(() => {
    if (open && !Palette) load().then((m) => setPalette(() => m.CommandPaletteHost), () => setOpen(false));
  }, [open, Palette]);
  return (
    <>
      <IconButton
        color="inherit"
        aria-label="Search"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        title="Search (Ctrl+K)"
        onClick={() => setOpen(true)}
        onPointerEnter={preload}
        onFocus={preload}
      >
        {/* A magnifier of two strokes: @mui/icons-material's Search would add ~260 bytes to every screen. */}
        <SvgIcon fill="none" stroke="currentColor" strokeWidth={2}>
          <circle cx="10" cy="10" r="6" />
          <path d="m14.5 14.5 5.5 5.5" />
        </SvgIcon>
      </IconButton>
      {Palette ? <Palette open={open} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
