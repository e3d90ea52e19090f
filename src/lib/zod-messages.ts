/**
 * The English messages full zod installs on import, for any issue without a message of its own
 * (zod/mini installs none). Set once when the app loads (app.tsx), not in the bootstrap: only the
 * forms and URL filters show zod's messages, and the locale would add 2 KB to the visit before
 * sign-in. Zod's other global setting, jitless, must come first and stays there (lib/config.ts).
 */
import * as z from 'zod/mini';

z.config(z.locales.en());
