import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { FilterSelect } from '@/components/data-list/filter-select';
import { isoToLocalDateTime, localDateTimeToIso, timeZoneLabel } from '@/utils/dates';
import { TIME_RANGES, type AuditFilters, type TimeRange } from '../schemas';

// Here, not beside the ranges in schemas.ts: only the filter bar's chunk, loaded apart from the
// list, needs the words.
const TIME_RANGE_LABELS: Record<TimeRange, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  custom: 'Custom',
};

const RANGE_OPTIONS = TIME_RANGES.map((value) => ({ value, label: TIME_RANGE_LABELS[value] }));

type Range = Pick<AuditFilters, 'range' | 'from' | 'to'>;

const toText = (iso: string | undefined) => (iso ? isoToLocalDateTime(iso) : '');
const instantOf = (text: string) => (text === '' ? undefined : new Date(text).getTime());

/** Why each end of a custom range cannot be used (null: it can). Each is checked alone, then against the other. */
function problems(from: string, to: string): { from: string | null; to: string | null } {
  const invalid = (text: string) => (text !== '' && Number.isNaN(new Date(text).getTime()) ? 'Enter a valid date and time' : null);
  const result = { from: invalid(from), to: invalid(to) };
  const start = instantOf(from);
  const end = instantOf(to);
  if (!result.from && !result.to && start !== undefined && end !== undefined && start > end) {
    return { from: 'Must not be after To', to: 'Must not be before From' };
  }
  return result;
}

/** One end of a custom range: a date and time in the admin's zone, its problem shown at the field. */
function InstantField({ label, text, error, onChange }: { label: string; text: string; error: string | null; onChange: (text: string) => void }) {
  return (
    <TextField
      type="datetime-local"
      size="small"
      label={label}
      value={text}
      error={error !== null}
      helperText={error ?? timeZoneLabel()}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth: 230, flex: '0 1 230px' }}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}

/**
 * From and To of a custom range. What is typed stays in the fields; the URL follows only with a
 * pair the server takes (each a valid date and time, From not after To), so an invalid pair never
 * reaches the list (the server would refuse it with a 422). A change of the URL from elsewhere
 * (Clear filters, Back) replaces what the fields hold.
 */
function CustomRange({ value, onChange }: { value: Range; onChange: (patch: Range) => void }) {
  const [text, setText] = useState({ from: toText(value.from), to: toText(value.to) });
  const [seen, setSeen] = useState({ from: value.from, to: value.to });
  if (value.from !== seen.from || value.to !== seen.to) {
    setSeen({ from: value.from, to: value.to });
    // Unless the fields already say what the URL now says (the URL followed them).
    const valid = !problems(text.from, text.to).from && !problems(text.from, text.to).to;
    const same = (t: string, iso: string | undefined) => (t ? localDateTimeToIso(t) : undefined) === iso;
    if (!(valid && same(text.from, value.from) && same(text.to, value.to))) setText({ from: toText(value.from), to: toText(value.to) });
  }
  const errors = problems(text.from, text.to);
  const change = (next: { from: string; to: string }) => {
    setText(next);
    const problem = problems(next.from, next.to);
    if (problem.from || problem.to) return;
    const iso = (t: string) => (t ? localDateTimeToIso(t) : undefined);
    if (iso(next.from) !== value.from || iso(next.to) !== value.to) onChange({ range: 'custom', from: iso(next.from), to: iso(next.to) });
  };
  return (
    <>
      <InstantField label="From" text={text.from} error={errors.from} onChange={(from) => change({ ...text, from })} />
      <InstantField label="To" text={text.to} error={errors.to} onChange={(to) => change({ ...text, to })} />
    </>
  );
}

/** Time range: a relative range, or Custom with From and To (date and time in the admin's zone). */
export function TimeRangeFilter({ value, onChange }: { value: Range; onChange: (patch: Range) => void }) {
  return (
    <>
      <FilterSelect<TimeRange>
        id="filter-time"
        label="Time range"
        anyLabel="Any time"
        value={value.range}
        options={RANGE_OPTIONS}
        onChange={(range) => onChange({ range, from: range === 'custom' ? value.from : undefined, to: range === 'custom' ? value.to : undefined })}
        minWidth={170}
      />
      {value.range === 'custom' ? <CustomRange value={value} onChange={onChange} /> : null}
    </>
  );
}
