// Measuring the stand-in directly: each list endpoint over HTTP with the signed-in token, one
// request at a time, after a warm-up.
import { API, SAMPLES, log } from './options.mjs';
import { ms, percentile } from './stats.mjs';

/** `path` under /api/v1/admin, or from the origin when it starts with /api/ (the Admins API). */
export async function apiGet(token, path) {
  const url = path.startsWith('/api/') ? `${API}${path}` : `${API}/api/v1/admin${path}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

export async function measureServer(token, endpoints) {
  const out = [];
  for (const [name, path] of endpoints) {
    const times = [];
    let error = null;
    try {
      await apiGet(token, path); // warm-up
      for (let i = 0; i < SAMPLES; i++) {
        const t0 = performance.now();
        await apiGet(token, path);
        times.push(performance.now() - t0);
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    out.push({ name, path, p50: percentile(times, 50), p95: percentile(times, 95), samples: times.length, error });
    log(`server ${name}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}${error ? ` (${error})` : ''}`);
  }
  return out;
}

const DAY = 86_400_000;

/** The audit log's list as the log screen and a History panel call it: unfiltered, by resource, by actor, by time. */
export async function auditEndpoints(token) {
  const newest = (await apiGet(token, '/audit/?per_page=1')).items[0];
  if (!newest) return [];
  const acme = (await apiGet(token, '/tenants/?search=acme%20corporation&per_page=1')).items[0];
  const root = (await apiGet(token, '/audit/?actor_email=root%40scaikey.test&per_page=1')).items[0];
  const end = Date.parse(newest.occurred_at);
  const at = (ms) => encodeURIComponent(new Date(ms).toISOString());
  const out = [['GET /audit/ page 1', '/audit/?page=1&per_page=20']];
  if (acme) out.push(['GET /audit/?resource_id= (Acme)', `/audit/?resource_id=${acme.id}&per_page=20`]);
  if (root) out.push(['GET /audit/?actor_id= (root)', `/audit/?actor_id=${root.actor_id}&per_page=20`]);
  out.push(
    ['GET /audit/ last 24 hours', `/audit/?start_time=${at(end - DAY)}&per_page=20`],
    ['GET /audit/ 7 days, 6 weeks ago', `/audit/?start_time=${at(end - 48 * DAY)}&end_time=${at(end - 41 * DAY)}&per_page=20`],
  );
  return out;
}

/**
 * The security overview (issue 18) as it loads: the summary, and the tenants list by each of its
 * security filters (the overview's links and its baseline's pages).
 */
export function securityEndpoints() {
  return [
    ['GET /tenants/security-summary', '/tenants/security-summary'],
    ['GET /tenants/?mfa_required=false', '/tenants/?mfa_required=false&per_page=20'],
    ['GET /tenants/?password_min_length_lt=12', '/tenants/?password_min_length_lt=12&per_page=20'],
    ['GET /tenants/?session_timeout_gt=480', '/tenants/?session_timeout_gt=480&per_page=20'],
    ['GET /tenants/ a band (timeout 16–60)', '/tenants/?session_timeout_gt=15&session_timeout_lt=61&per_page=20'],
    ['GET /tenants/ three filters and a status', '/tenants/?status=SUSPENDED&mfa_required=false&password_min_length_lt=10&session_timeout_gt=60&per_page=20'],
  ];
}

/**
 * The command palette's requests (issue 19), as it sends them: tenants and users searched with the
 * same term (per_page 20, the shared lookups' page), from 3 characters on; the newest 100 admin
 * accounts once per use. `terms` are tenant names, `userTerm` part of an email.
 */
export function paletteEndpoints({ terms, userTerm }) {
  const first = terms[0] ?? 'acme corporation';
  const three = first.slice(0, 3);
  const word = (terms[1] ?? first).split(' ').at(-1);
  const q = (term) => encodeURIComponent(term);
  return [
    [`palette: GET /tenants/?search=${three} (3 letters)`, `/tenants/?per_page=20&search=${q(three)}`],
    [`palette: GET /users/?search=${three} (3 letters)`, `/users/?per_page=20&search=${q(three)}`],
    [`palette: GET /tenants/?search=${word} (part of a name)`, `/tenants/?per_page=20&search=${q(word)}`],
    [`palette: GET /users/?search=${userTerm} (email)`, `/users/?per_page=20&search=${q(userTerm)}`],
    ['palette: GET /api/admins/page/1?pageSize=100', '/api/admins/page/1?pageSize=100'],
  ];
}
