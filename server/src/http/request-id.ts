import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    /** This request's id (request-id.ts): on the answer as X-Request-Id, and in its audit entries. */
    requestId: string;
  }
}

/**
 * Gives every request an id of the stand-in's own making, answered as X-Request-Id and recorded in
 * the audit log. A client's X-Request-Id is not taken: anyone could send the id of someone else's
 * request, and an entry's request id would then point an investigation at the wrong request.
 */
export function requestId(): MiddlewareHandler {
  return async (c, next) => {
    const id = randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}
