// Measuring the stand-in directly: each list endpoint over HTTP with the signed-in token, one
// request at a time, after a warm-up.
import { API, SAMPLES, log } from './options.mjs';
import { ms, percentile } from './stats.mjs';

export async function apiGet(token, path) {
  const response = await fetch(`${API}/api/v1/admin${path}`, { headers: { authorization: `Bearer ${token}` } });
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
