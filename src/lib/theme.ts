import { createTheme, type Theme } from '@mui/material/styles';

export type ColorMode = 'light' | 'dark';

/** Both palettes keep text at WCAG AA contrast (checked by axe in light and dark). */
export function createAppTheme(mode: ColorMode): Theme {
  return createTheme({
    palette: {
      mode,
      // WCAG AA for normal text: MUI's default threshold (3) puts white on dark mode's red.
      contrastThreshold: 4.5,
      ...(mode === 'light'
        ? { primary: { main: '#1565c0' }, background: { default: '#f5f7fa' } }
        : { primary: { main: '#90caf9' } }),
    },
    shape: { borderRadius: 8 },
    components: {
      MuiButton: {
        defaultProps: { disableElevation: true },
        styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } },
      },
      MuiUseMediaQuery: { defaultProps: { noSsr: true } },
    },
  });
}
