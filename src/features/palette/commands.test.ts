import { describe, expect, it } from 'vitest';
import { resultsAnnouncement } from './announcement';
import { actionsFor, pageResource } from './commands';

describe('pageResource and the audit action', () => {
  it('knows the resource of a tenant, role assignment, admin or user page', () => {
    expect(pageResource('/tenants/tnt_1')).toEqual({ id: 'tnt_1', noun: 'tenant' });
    expect(pageResource('/role-assignments/adr_1')).toEqual({ id: 'adr_1', noun: 'role assignment' });
    expect(pageResource('/admins/8c1f')).toEqual({ id: '8c1f', noun: 'admin account' });
    expect(pageResource('/users/usr_1/roles')).toEqual({ id: 'usr_1', noun: 'user' });
  });

  it('offers no audit action on lists or on Create tenant', () => {
    for (const path of ['/tenants', '/tenants/new', '/role-assignments', '/audit', '/']) {
      expect(pageResource(path)).toBeNull();
      expect(actionsFor(path).map((a) => a.label)).toEqual(['Create tenant', 'Assign role', 'Create admin']);
    }
  });

  it('links to the audit log filtered to the resource, as the History panel does', () => {
    const audit = actionsFor('/tenants/tnt_1').at(-1)!;
    expect(audit.label).toBe('Audit log of this tenant');
    expect(audit.run).toEqual({ to: '/audit?resource=tnt_1' });
  });
});

describe('resultsAnnouncement', () => {
  const item = { key: 'k', kind: 'tenant' as const, label: 'A', run: { to: '/x' } };
  it('counts each group, in the singular where it is one', () => {
    expect(resultsAnnouncement([{ group: 'tenants', items: [item, item] }, { group: 'users', items: [item] }])).toBe(
      '3 results: 2 tenants, 1 user.',
    );
    expect(resultsAnnouncement([])).toBe('No results.');
    expect(resultsAnnouncement([], true)).toBe('No results. The search of tenants and users failed.');
  });
});
