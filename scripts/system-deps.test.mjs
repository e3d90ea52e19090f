import { describe, expect, it } from 'vitest';
import { chromiumExecutable, plan, postgresBin, survey } from './system-deps.mjs';

const chromium = { pkg: 'chromium', required: true, why: 'a browser for the end-to-end tests' };
const nginx = { pkg: 'nginx', required: true, why: 'serves the build for the e2e project `nginx`' };
const ffmpeg = { pkg: 'ffmpeg', required: false, why: 'videos of failed end-to-end tests' };
const debianRoot = { platform: 'linux', debian: true, privilege: 'root' };
const debianUser = { platform: 'linux', debian: true, privilege: 'none' };

describe('system-deps plan', () => {
  it('does nothing when everything is there', () => {
    expect(plan({ bad: [], missing: [] }, debianUser)).toEqual({ action: 'ok' });
  });

  it('installs what is missing, optional packages included, as root or with passwordless sudo', () => {
    expect(plan({ bad: [], missing: [chromium, nginx, ffmpeg] }, debianRoot)).toEqual({
      action: 'install',
      packages: ['chromium', 'nginx', 'ffmpeg'],
      sudo: false,
    });
    expect(plan({ bad: [], missing: [nginx] }, { ...debianRoot, privilege: 'sudo' })).toEqual({
      action: 'install',
      packages: ['nginx'],
      sudo: true,
    });
  });

  it('stops with the exact apt-get command on Debian without root or sudo', () => {
    const result = plan({ bad: [], missing: [chromium, nginx, ffmpeg] }, debianUser);
    expect(result.action).toBe('stop');
    expect(result.lines).toContain('  sudo apt-get update && sudo apt-get install -y chromium nginx ffmpeg');
    expect(result.lines.join('\n')).toMatch(/chromium: a browser for the end-to-end tests/);
    const withoutSudo = plan({ bad: [], missing: [nginx] }, { ...debianUser, hasSudo: false });
    expect(withoutSudo.lines).toContain("  su -c 'apt-get update && apt-get install -y nginx'   # as root");
  });

  it('stops with commands that fit the system elsewhere', () => {
    const mac = plan({ bad: [], missing: [chromium, nginx] }, { platform: 'darwin', debian: false, privilege: 'root' });
    expect(mac.action).toBe('stop');
    expect(mac.lines).toEqual(expect.arrayContaining(['  brew install nginx', '  npx playwright install chromium']));
    const other = plan({ bad: [], missing: [nginx] }, { platform: 'linux', debian: false, privilege: 'root' });
    expect(other.lines).toContain('  (your package manager) install nginx');
  });

  it('only warns when what is missing is optional and cannot be installed', () => {
    const result = plan({ bad: [], missing: [ffmpeg] }, debianUser);
    expect(result.action).toBe('warn');
    expect(result.lines).toContain('  sudo apt-get update && sudo apt-get install -y ffmpeg');
  });

  it('stops on a setting that names a missing binary, even where it could install', () => {
    const result = plan({ bad: ['CHROMIUM_PATH=/nonexistent is not an executable file'], missing: [nginx] }, debianRoot);
    expect(result.action).toBe('stop');
    expect(result.lines[0]).toContain('CHROMIUM_PATH=/nonexistent');
  });
});

describe('system-deps survey', () => {
  it('names CHROMIUM_PATH when it points at nothing, and never plans to install over it', () => {
    const env = { ...process.env, CHROMIUM_PATH: '/nonexistent' };
    expect(chromiumExecutable(env)).toMatchObject({ path: '/nonexistent', from: 'CHROMIUM_PATH' });
    const { bad, missing } = survey(env);
    expect(bad).toEqual([expect.stringContaining('CHROMIUM_PATH=/nonexistent')]);
    expect(missing.map((m) => m.pkg)).not.toContain('chromium');
  });

  it('names NGINX and PG_BIN likewise, and needs no nginx against a deployed console', () => {
    const { bad } = survey({ ...process.env, NGINX: '/nonexistent/nginx', PG_BIN: '/nonexistent' });
    expect(bad).toEqual([expect.stringContaining('NGINX=/nonexistent/nginx'), expect.stringContaining('PG_BIN=/nonexistent')]);
    expect(postgresBin({ PG_BIN: '/nonexistent' })).toBeNull();
    const deployed = survey({ ...process.env, NGINX: '/nonexistent/nginx', E2E_BASE_URL: 'https://console.example.com/' });
    expect(deployed.bad.join('\n')).not.toContain('NGINX');
    expect(deployed.missing.map((m) => m.pkg)).not.toContain('nginx');
  });
});
