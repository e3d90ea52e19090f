import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One data folder, one process. PGlite has no lock of its own: a second server (or seed) on the
 * same DATA_DIR opened it silently and the two overwrote each other's pages (acknowledged writes
 * lost, indexes out of step with their table). So whoever opens the folder first holds
 * `<DATA_DIR>/stand-in.lock`, a small JSON file naming its process; the next one is refused.
 *
 * The file is released on close and when the process exits. A holder killed with -9 leaves it
 * behind, so a lock whose process is gone is stale and taken over. On Linux the holder's start
 * time is recorded too, so a pid the system has since given to another process (common after a
 * container restart) does not keep the folder locked forever.
 */
export const LOCK_FILE = 'stand-in.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`Another ScaiKey stand-in (pid ${pid}) is using ${dir}; stop it or set DATA_DIR to another folder.`);
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still this process's. Safe to call twice. */
  release(): void;
}

interface Holder {
  pid: number;
  /** Linux: the process's start time in clock ticks since boot (/proc/<pid>/stat); else null. */
  started: string | null;
  /** Tells this process's locks apart (a second open from the same process is refused too). */
  nonce: string;
}

/** The contents of the lock files this process holds. */
const held = new Set<string>();

export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2, the command name, may hold spaces and parentheses: count from the last ')'.
    // What follows starts at field 3; the start time is field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isRunning(holder: Holder, text: string): boolean {
  // Our pid: held by this very process, or left by an earlier one that had the same pid.
  if (holder.pid === process.pid) return held.has(text);
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    // EPERM: it exists, under another user.
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (holder.started === null) return true;
  const started = processStartTime(holder.pid);
  return started === null || started === holder.started;
}

function parse(text: string): Holder | null {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return null;
    return { pid: value.pid, started: typeof value.started === 'string' ? value.started : null, nonce: String(value.nonce) };
  } catch {
    return null;
  }
}

function readIfThere(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Takes the folder's lock or throws DataDirLockedError naming the process that holds it.
 * Creates the folder when missing.
 */
export function lockDataDir(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const nonce = randomBytes(6).toString('hex');
  const mine = `${JSON.stringify({ pid: process.pid, started: processStartTime(process.pid), nonce } satisfies Holder)}\n`;
  const unique = `${path}.${process.pid}-${nonce}`;

  // The file appears whole or not at all: written under a name of our own, then hard-linked to
  // its real name, which fails if that exists (as 'wx' would, but no one ever reads it half written).
  for (let attempt = 0; attempt < 5; attempt++) {
    writeFileSync(unique, mine);
    try {
      linkSync(unique, path);
      held.add(mine);
      return holding(path, mine);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(unique);
    }
    const seen = readIfThere(path);
    if (seen === null) continue; // released meanwhile: try again
    const holder = parse(seen);
    if (holder && isRunning(holder, seen)) throw new DataDirLockedError(dir, holder.pid);
    // Stale (its process is gone) or unreadable. Move it aside under our own name, then make sure
    // it is the file judged stale: another process starting at the same moment may have taken it
    // over first, and its fresh lock goes back.
    try {
      renameSync(path, unique);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    if (readFileSync(unique, 'utf8') !== seen) {
      try {
        linkSync(unique, path);
      } catch {
        // A third process made a lock of its own meanwhile: that one stands.
      }
    }
    unlinkSync(unique);
  }
  throw new Error(`Could not take the lock ${path}: it kept changing. Is another stand-in starting on ${dir}?`);
}

function holding(path: string, mine: string): DataDirLock {
  const release = () => {
    if (!held.delete(mine)) return;
    process.off('exit', release);
    try {
      // Only our own file: after a takeover it may be another process's.
      if (readIfThere(path) === mine) unlinkSync(path);
    } catch {
      // Gone already, or the folder with it.
    }
  };
  // Any exit, process.exit() included; a kill -9 leaves a stale lock, taken over next time.
  process.on('exit', release);
  return { path, release };
}
