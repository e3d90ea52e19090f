import type { components } from '@/lib/api/schema';

type AuditEvent = components['schemas']['AuditEvent'];

/** An audit entry for tests: a Super Admin's successful change of a tenant, with `over` on top. */
export function auditEntry(over: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: 'aud_1',
    occurred_at: '2026-11-30T10:00:00Z',
    actor_id: 'usr_root',
    actor_email: 'root@scaikey.test',
    action: 'tenant.updated',
    resource_type: 'tenant',
    resource_id: 'tnt_1',
    resource_name: 'Acme Corporation',
    tenant_id: 'tnt_1',
    partner_id: null,
    result: 'success',
    status_code: 200,
    ip_address: '127.0.0.1',
    user_agent: 'test',
    request_id: 'req_1',
    changes: null,
    detail: null,
    ...over,
  };
}
