/**
 * The fleet's security overview (issue 18): counts over every live tenant, each a link to the
 * tenants list filtered to exactly those tenants, and the tenants that fall short of a baseline
 * chosen in the URL (`?baseline=nist-800-63b`), each with what falls short. A server without the
 * summary or the filters gets "not available on this server", never a count it cannot stand by.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import * as z from 'zod/mini';
import { paths } from '@/config/paths';
import { useSearchParamsState } from '@/hooks/use-search-params-state';
import { SETTINGS_RULES } from '@/lib/api/settings-rules';
import type { SecurityFilters } from '@/lib/api/tenant-security-filters';
import { securityQueries, type SecuritySummary, type Tenant } from '../api/queries';
import { criteriaOf, intersections, type Baseline, type Criterion } from '../baseline';
import { bandLabel, minLengthBandFilters, sessionTimeoutBandFilters } from '../links';

const overviewSearchSchema = z.object({ baseline: z.catch(z.optional(z.string().check(z.maxLength(60))), undefined) });

/** How many tenants that fall short are listed under each rule. */
const SHORT_LIST_SIZE = 5;

const n = (value: number) => value.toLocaleString('en-US');
const tenants = (value: number) => `${n(value)} ${value === 1 ? 'tenant' : 'tenants'}`;

export interface SecurityOverviewProps {
  baselines: readonly Baseline[];
  /** What in a tenant's settings falls short of the baseline, in plain words. */
  shortfalls: (settings: Tenant['settings'], baseline: Baseline) => string[];
  /** An action on the tenants short of a rule (the route gives "apply a policy to them"), shown under their list. */
  applyAction?: (to: { filters: SecurityFilters; label: string; baseline: Baseline }) => ReactNode;
}

export function SecurityOverview({ baselines, shortfalls, applyAction }: SecurityOverviewProps) {
  return (
    <>
      <SummarySection />
      <BaselineSection baselines={baselines} shortfalls={shortfalls} applyAction={applyAction} />
    </>
  );
}

/** One count: its words and the number, both inside the link to its tenants. */
function CountLink({ label, count, filters }: { label: string; count: number; filters: SecurityFilters }) {
  return (
    <Box component="li" sx={{ py: 0.5 }}>
      <Link component={RouterLink} to={paths.tenants.to({ ...filters })} sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
        <span>{label}</span> <span>{n(count)}</span>
      </Link>
    </Box>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {children}
      </Box>
    </Paper>
  );
}

function SummarySection() {
  const summary = useQuery(securityQueries.summary());
  return (
    <Box component="section" aria-labelledby="security-summary-heading" sx={{ mb: 4 }}>
      <Typography id="security-summary-heading" variant="h5" component="h2" sx={{ mb: 2 }}>
        Across all tenants
      </Typography>
      {summary.data?.available === false ? (
        <Alert severity="info">Security overview is not available on this server.</Alert>
      ) : summary.data?.available ? (
        <SummaryCounts summary={summary.data.data} />
      ) : summary.isError ? (
        <Alert severity="error">The security overview could not be loaded: {summary.error.message}</Alert>
      ) : (
        <Typography role="status" color="textSecondary">
          Counting the tenants…
        </Typography>
      )}
    </Box>
  );
}

function SummaryCounts({ summary }: { summary: SecuritySummary }) {
  const labels = SETTINGS_RULES.mfa_methods.labels;
  return (
    <>
      <Typography role="status" sx={{ mb: 2 }}>
        {tenants(summary.total)} in all. Each count opens the tenants list filtered to exactly those tenants.
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)', lg: 'repeat(3, 1fr)' } }}>
        <Group title="Multi-factor authentication">
          <CountLink label="MFA required" count={summary.mfa.required} filters={{ mfa_required: 'true' }} />
          <CountLink label="MFA not required" count={summary.mfa.not_required} filters={{ mfa_required: 'false' }} />
        </Group>
        <Group title="MFA methods allowed">
          {SETTINGS_RULES.mfa_methods.values.map((method) => (
            <CountLink key={method} label={labels[method]} count={summary.mfa.methods[method]} filters={{ mfa_method: method }} />
          ))}
        </Group>
        <Group title="Password expiry">
          <CountLink label="Passwords expire" count={summary.password_expiry.on} filters={{ password_expires: 'true' }} />
          <CountLink label="Passwords never expire" count={summary.password_expiry.off} filters={{ password_expires: 'false' }} />
        </Group>
        <Group title="Minimum password length">
          {summary.password_min_length.map((band) => (
            <CountLink key={`${band.min}-${band.max}`} label={bandLabel(band, 'characters')} count={band.count} filters={minLengthBandFilters(band)} />
          ))}
        </Group>
        <Group title="Session timeout">
          {summary.session_timeout.map((band) => (
            <CountLink key={`${band.min}-${band.max}`} label={bandLabel(band, 'minutes')} count={band.count} filters={sessionTimeoutBandFilters(band)} />
          ))}
        </Group>
      </Box>
    </>
  );
}

function BaselineSection({ baselines, shortfalls, applyAction }: SecurityOverviewProps) {
  const [search, setSearch] = useSearchParamsState(overviewSearchSchema);
  const baseline = baselines.find((b) => b.id === search.baseline) ?? baselines[0];
  if (!baseline) return null;
  const source = /^https?:\/\//.test(baseline.source.url) ? (
    <Link href={baseline.source.url} target="_blank" rel="noreferrer">
      {baseline.source.title}
    </Link>
  ) : (
    baseline.source.title
  );
  return (
    <Box component="section" aria-labelledby="security-baseline-heading">
      <Typography id="security-baseline-heading" variant="h5" component="h2" sx={{ mb: 2 }}>
        Against a baseline
      </Typography>
      <TextField
        select
        size="small"
        label="Baseline"
        value={baseline.id}
        onChange={(event) => setSearch({ baseline: event.target.value })}
        sx={{ minWidth: 260, mb: 1 }}
      >
        {baselines.map((b) => (
          <MenuItem key={b.id} value={b.id}>
            {b.name}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" color="textSecondary">
        Source: {source}
      </Typography>
      <Box component="ul" sx={{ mt: 1, mb: 2, typography: 'body2' }}>
        {baseline.rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </Box>
      <ShortOfBaseline key={baseline.id} baseline={baseline} shortfalls={shortfalls} applyAction={applyAction} />
    </Box>
  );
}

function ShortOfBaseline({ baseline, shortfalls, applyAction }: { baseline: Baseline } & Pick<SecurityOverviewProps, 'shortfalls' | 'applyAction'>) {
  const criteria = criteriaOf(baseline);
  const combos = intersections(criteria);
  const counts = useQueries({ queries: combos.map((c) => securityQueries.matching(c.filters, 1)) });
  const pages = useQueries({ queries: criteria.map((c) => securityQueries.matching(c.filters, SHORT_LIST_SIZE)) });
  const all = [...counts, ...pages];
  if (all.some((q) => q.data?.available === false)) {
    return <Alert severity="info">Finding the tenants that fall short of a baseline is not available on this server.</Alert>;
  }
  const failed = all.find((q) => q.isError);
  if (failed) return <Alert severity="error">The tenants that fall short could not be loaded: {failed.error?.message}</Alert>;
  const union = counts.every((q) => q.data?.available)
    ? counts.reduce((sum, q, i) => sum + (q.data?.available ? q.data.data.total * combos[i]!.sign : 0), 0)
    : null;
  const rules = criteria.map((c) => c.label);
  return (
    <>
      <Typography role="status" sx={{ mb: 2 }}>
        {union === null
          ? 'Counting the tenants that fall short…'
          : `${tenants(union)} ${union === 1 ? 'falls' : 'fall'} short of ${baseline.name} on at least one of: ${rules.join('; ')}.`}
      </Typography>
      <Typography variant="body2" color="textSecondary" sx={{ mb: 2 }}>
        The tenants listed show everything that falls short of {baseline.name}, its other rules included.
      </Typography>
      <Box sx={{ display: 'grid', gap: 2 }}>
        {criteria.map((criterion, i) => (
          <CriterionTenants key={criterion.id} criterion={criterion} page={pages[i]?.data} baseline={baseline} shortfalls={shortfalls} applyAction={applyAction} />
        ))}
      </Box>
    </>
  );
}

function CriterionTenants({
  criterion,
  page,
  baseline,
  shortfalls,
  applyAction,
}: {
  criterion: Criterion;
  page: { available: true; data: { total: number; items: Tenant[] } } | { available: false } | undefined;
  baseline: Baseline;
} & Pick<SecurityOverviewProps, 'shortfalls' | 'applyAction'>) {
  const headingId = `short-${criterion.id}`;
  const data = page?.available ? page.data : undefined;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography id={headingId} variant="h6" component="h3">
        {criterion.label}
        {data ? `: ${tenants(data.total)}` : ''}
      </Typography>
      {!data ? (
        <Typography color="textSecondary">Loading…</Typography>
      ) : data.total === 0 ? (
        <Typography color="textSecondary">No tenant falls short here.</Typography>
      ) : (
        <>
          <Box component="ul" sx={{ pl: 2, my: 1 }}>
            {data.items.map((tenant) => (
              <li key={tenant.id}>
                <Link component={RouterLink} to={paths.tenant.to(tenant.id)}>
                  {tenant.name}
                </Link>
                <Typography component="span" variant="body2" color="textSecondary">
                  {' '}
                  — {shortfalls(tenant.settings, baseline).join('; ')}
                </Typography>
              </li>
            ))}
          </Box>
          <Link component={RouterLink} to={paths.tenants.to({ ...criterion.filters })}>
            {`Show all ${tenants(data.total)}: ${criterion.label}`}
          </Link>
          {applyAction ? (
            <Box sx={{ mt: 1 }}>
              {applyAction({ filters: criterion.filters, label: `Apply a policy to these ${tenants(data.total)}: ${criterion.label}`, baseline })}
            </Box>
          ) : null}
        </>
      )}
    </Paper>
  );
}
