import { parseArgs } from 'node:util';
import type { SeedSize } from './generate';

export interface SeedArgs {
  reset: boolean;
  size: SeedSize;
}

/** `--reset` and `--size standard|large`, shared by the seed CLI and the server's main. */
export function parseSeedArgs(argv: string[]): SeedArgs {
  const { values } = parseArgs({
    args: argv,
    options: { reset: { type: 'boolean', default: false }, size: { type: 'string', default: 'standard' } },
    strict: true,
  });
  if (values.size !== 'standard' && values.size !== 'large') {
    throw new Error(`--size must be "standard" or "large", not "${values.size}"`);
  }
  return { reset: values.reset ?? false, size: values.size };
}
