import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * The client's address as the stand-in can know it: the node socket's peer, or, only when
 * `trustForwardedFor` (TRUST_X_FORWARDED_FOR=1, behind a proxy that sets the header), the last
 * X-Forwarded-For entry, which is the one that proxy wrote; anything earlier the client could
 * have forged. Undefined without a socket (app.request in tests). Used by the sign-in throttle
 * and by the audit log's `ip_address`.
 */
export function requestAddress(c: Context, trustForwardedFor: boolean): string | undefined {
  if (trustForwardedFor) {
    const last = (c.req.header('x-forwarded-for') ?? '').split(',').at(-1)?.trim() ?? '';
    if (last.length <= 64 && /^[0-9A-Fa-f:.]+$/.test(last)) return last;
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? undefined;
}

/** TRUST_X_FORWARDED_FOR=1|true|yes: the stand-in runs behind a proxy that sets X-Forwarded-For. */
export function trustsForwardedFor(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.TRUST_X_FORWARDED_FOR ?? '');
}
