/**
 * The tenants list's security filters in its filter bar (issue 18): MFA required, minimum length
 * below, session timeout above; and, as removable chips, the ones only the security overview's
 * links set (a band's other bound, an MFA method, password expiry), so the admin always sees every
 * filter the rows were chosen by.
 */
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';
import { FilterSelect } from '@/components/data-list/filter-select';
import { SEARCH_DEBOUNCE_MS } from '@/components/pickers/use-debounced-value';
import { SETTINGS_RULES } from '@/lib/api/settings-rules';
import type { SecurityFilters } from '@/lib/api/tenant-security-filters';

const MFA_OPTIONS = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
] as const;

/** A whole-number filter: what is typed shows at once, the URL follows once typing pauses. */
function NumberFilter({ label, value, onChange, helperText }: { label: string; value: number | undefined; onChange: (value: number | undefined) => void; helperText: string }) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [seen, setSeen] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Back, forward or Clear filters put the URL's value back in the box.
  if (value !== seen) {
    setSeen(value);
    if (value !== toNumber(text)) setText(value === undefined ? '' : String(value));
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <TextField
      label={label}
      type="number"
      size="small"
      value={text}
      helperText={helperText}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => onChange(toNumber(next)), SEARCH_DEBOUNCE_MS);
      }}
      slotProps={{ htmlInput: { min: 0, step: 1, inputMode: 'numeric' }, inputLabel: { shrink: true } }}
      sx={{ width: 190, flex: '0 1 190px' }}
    />
  );
}

function toNumber(text: string): number | undefined {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The chips of the filters that have no field of their own; each removes its filter. */
function linkOnlyChips(filters: SecurityFilters): [keyof SecurityFilters, string][] {
  const chips: [keyof SecurityFilters, string][] = [];
  if (filters.password_min_length_gt !== undefined) chips.push(['password_min_length_gt', `Minimum length above ${filters.password_min_length_gt}`]);
  if (filters.session_timeout_lt !== undefined) chips.push(['session_timeout_lt', `Session timeout below ${filters.session_timeout_lt} minutes`]);
  if (filters.mfa_method) chips.push(['mfa_method', `Allows MFA method ${SETTINGS_RULES.mfa_methods.labels[filters.mfa_method]}`]);
  if (filters.password_expires) chips.push(['password_expires', filters.password_expires === 'true' ? 'Passwords expire' : 'Passwords never expire']);
  return chips;
}

export function SecurityFilterFields({ filters, onChange }: { filters: SecurityFilters; onChange: (patch: SecurityFilters) => void }) {
  return (
    <>
      <FilterSelect
        label="MFA required"
        anyLabel="Any"
        value={filters.mfa_required}
        options={MFA_OPTIONS}
        onChange={(mfa_required) => onChange({ mfa_required })}
        minWidth={140}
      />
      <NumberFilter
        label="Minimum length below"
        helperText="Password characters"
        value={filters.password_min_length_lt}
        onChange={(password_min_length_lt) => onChange({ password_min_length_lt })}
      />
      <NumberFilter
        label="Session timeout above"
        helperText="Minutes"
        value={filters.session_timeout_gt}
        onChange={(session_timeout_gt) => onChange({ session_timeout_gt })}
      />
      {linkOnlyChips(filters).map(([key, label]) => (
        <Chip
          key={key}
          label={label}
          aria-label={`${label}: remove this filter`}
          onClick={() => onChange({ [key]: undefined })}
          onDelete={() => onChange({ [key]: undefined })}
          sx={{ alignSelf: 'center' }}
        />
      ))}
    </>
  );
}
