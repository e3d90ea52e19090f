import type { components } from '../../src/lib/api/schema';
import type { AdminApi } from '../support/api';
import { uniqueName } from '../support/api';

export type Tenant = components['schemas']['Tenant'];
export type Partner = components['schemas']['Partner'];
type TenantCreate = components['schemas']['TenantCreate'];
type TenantUpdate = components['schemas']['TenantUpdate'];

/** A slug that is unique per run and worker: "e2e-<prefix>-<random>". */
export function uniqueSlug(prefix: string): string {
  return uniqueName(`e2e-${prefix}`).toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * Tenants seeded through the Admin API for one test, deleted again afterwards (whatever the test
 * did to them). Also reads tenants back, to check what the console saved.
 */
export class TenantSeeder {
  private readonly created = new Set<string>();

  constructor(private readonly api: AdminApi) {}

  async create(overrides: Partial<TenantCreate> & { name?: string } = {}): Promise<Tenant> {
    const name = overrides.name ?? uniqueName('E2E Tenant');
    const { data, error, response } = await this.api.POST('/api/v1/admin/tenants/', {
      body: { name, slug: overrides.slug ?? uniqueSlug('t'), ...overrides },
    });
    if (!data) throw new Error(`Seeding a tenant failed: HTTP ${response.status} ${JSON.stringify(error)}`);
    this.created.add(data.id);
    return data;
  }

  /** `count` tenants named "<prefix> 01", "<prefix> 02", …, created in that order (the list sorts them so). */
  async createNumbered(prefix: string, count: number): Promise<Tenant[]> {
    const seeded: Tenant[] = [];
    for (let i = 1; i <= count; i += 1) seeded.push(await this.create({ name: `${prefix} ${String(i).padStart(2, '0')}` }));
    return seeded;
  }

  /** Remember a tenant the console created, so it is cleaned up too. */
  track(tenantId: string): void {
    this.created.add(tenantId);
  }

  async get(tenantId: string): Promise<Tenant | undefined> {
    const { data } = await this.api.GET('/api/v1/admin/tenants/{tenant_id}', { params: { path: { tenant_id: tenantId } } });
    return data;
  }

  async status(tenantId: string): Promise<number> {
    const { response } = await this.api.GET('/api/v1/admin/tenants/{tenant_id}', { params: { path: { tenant_id: tenantId } } });
    return response.status;
  }

  async update(tenantId: string, body: TenantUpdate): Promise<Tenant> {
    const { data, error, response } = await this.api.PATCH('/api/v1/admin/tenants/{tenant_id}', {
      params: { path: { tenant_id: tenantId } },
      body,
    });
    if (!data) throw new Error(`Updating a tenant failed: HTTP ${response.status} ${JSON.stringify(error)}`);
    return data;
  }

  /** Deletes a tenant as part of a scenario (a `@destructive` test), e.g. to make a later write fail. */
  async delete(tenantId: string): Promise<void> {
    const { response } = await this.api.DELETE('/api/v1/admin/tenants/{tenant_id}', { params: { path: { tenant_id: tenantId } } });
    if (!response.ok) throw new Error(`Deleting a tenant failed: HTTP ${response.status}`);
  }

  /** The first `count` partners of the seed (they are stable and never edited by tests). */
  async partners(count: number): Promise<Partner[]> {
    const { data } = await this.api.GET('/api/v1/admin/partners/', { params: { query: { per_page: count } } });
    const partners = data?.items ?? [];
    if (partners.length < count) throw new Error(`Expected ${count} seeded partners, found ${partners.length}`);
    return partners;
  }

  async cleanup(): Promise<void> {
    for (const id of this.created) {
      await this.api.DELETE('/api/v1/admin/tenants/{tenant_id}', { params: { path: { tenant_id: id } } });
    }
    this.created.clear();
  }
}
