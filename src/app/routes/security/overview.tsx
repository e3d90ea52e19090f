import { PageHeader } from '@/components/ui/page-header';
import { SecurityOverview } from '@/features/security/components/security-overview';
import { ApplyPolicyButton } from '@/features/tenants/components/apply-policy-button';
import { SECURITY_PRESETS, shortfalls, type SecurityPreset } from '@/features/tenants/security-presets';

/** The security overview, held against the tenants feature's presets (composed here: features do not import each other). */
export function SecurityOverviewRoute() {
  return (
    <>
      <PageHeader
        title="Security overview"
        description="How the tenants' security settings stand across the platform, and which tenants fall short of a baseline."
      />
      <SecurityOverview
        baselines={SECURITY_PRESETS}
        shortfalls={(settings, baseline) => shortfalls(settings, baseline as SecurityPreset)}
        // Up to 1,000 of the tenants short of a rule, with the baseline's preset chosen in the dialog (issue 18).
        applyAction={({ filters, label, baseline }) => <ApplyPolicyButton filter={filters} label={label} preset={(baseline as SecurityPreset).id} />}
      />
    </>
  );
}
