import { PARTNERS } from '../names';
import { seedId } from '../prng';
import { DAY, iso, SEED_EPOCH } from './context';

export interface PartnerSeed {
  id: string;
  name: string;
  slug: string;
  status: string;
  contact_email: string;
  max_tenants: number | null;
  max_users_per_tenant: number | null;
  max_applications_per_tenant: number | null;
  created_at: string;
  updated_at: string;
}

/** The five fixed partners (names.ts); no randomness. */
export function generatePartners(): PartnerSeed[] {
  return PARTNERS.map((p, i) => {
    const created = SEED_EPOCH - (1400 - i * 90) * DAY;
    return {
      id: seedId('prt', i + 1),
      name: p.name,
      slug: p.slug,
      status: p.status,
      contact_email: `partners@${p.domain}`,
      max_tenants: p.max[0],
      max_users_per_tenant: p.max[1],
      max_applications_per_tenant: p.max[2],
      created_at: iso(created),
      updated_at: iso(created + 30 * DAY),
    };
  });
}

/** Each partner's email domain, by partner id. */
export function partnerDomains(): Map<string, string> {
  return new Map(PARTNERS.map((p, i) => [seedId('prt', i + 1), p.domain]));
}
