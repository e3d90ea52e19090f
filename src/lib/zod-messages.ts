/**
 * The English messages full zod installs on import, for any issue without a message of its own
 * (zod/mini installs none). Set when the app starts (renderApp), not in the bootstrap: only the
 * forms and URL filters show zod's messages, and the locale would add 2 KB to the visit before
 * sign-in. Zod's other global setting, jitless, must come first and stays there (lib/config.ts).
 * A call rather than a side effect of importing: the locale's module may land in a chunk of its
 * own that the shell's chunk imports in a cycle, and a top-level call ran before it had loaded.
 */
import { config } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

export function setEnglishZodMessages(): void {
  config(en());
}
