import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setConfig } from '@/lib/config';
import { setEnglishZodMessages } from '@/lib/zod-messages';
import { clearNotifications } from '@/lib/notifications';
import { testConfig } from './test-config';

setConfig(testConfig);
setEnglishZodMessages();

// The machine is shared and MUI's first render plus a lazy route can take over a second.
configure({ asyncUtilTimeout: 5000 });

/**
 * jsdom has no matchMedia. This one answers like a 1280 px wide desktop in light mode: min-width
 * queries up to 1280 px match, prefers-color-scheme: dark does not.
 */
export const VIEWPORT_WIDTH = 1280;

function matches(query: string): boolean {
  if (/prefers-color-scheme:\s*dark/.test(query)) return false;
  const min = /min-width:\s*([\d.]+)px/.exec(query);
  const max = /max-width:\s*([\d.]+)px/.exec(query);
  if (min?.[1] && VIEWPORT_WIDTH < Number(min[1])) return false;
  if (max?.[1] && VIEWPORT_WIDTH > Number(max[1])) return false;
  return true;
}

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: matches(query),
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

afterEach(() => {
  cleanup();
  clearNotifications();
  window.localStorage.clear();
  window.sessionStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
