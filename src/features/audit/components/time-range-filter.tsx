import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { FilterSelect } from '@/components/data-list/filter-select';
import { isoToLocalDateTime, localDateTimeToIso, timeZoneLabel } from '@/utils/dates';
import { TIME_RANGE_LABELS, TIME_RANGES, type AuditFilters, type TimeRange } from '../schemas';

const RANGE_OPTIONS = TIME_RANGES.map((value) => ({ value, label: TIME_RANGE_LABELS[value] }));

type Range = Pick<AuditFilters, 'range' | 'from' | 'to'>;

/** Why a datetime-local value cannot be used, or null. `after`: the instant it must not precede. */
function problem(text: string, after: string | undefined): string | null {
  if (text === '') return null;
  const at = new Date(text).getTime();
  if (Number.isNaN(at)) return 'Enter a valid date and time';
  if (after && at < new Date(after).getTime()) return 'Must not be before From';
  return null;
}

/**
 * One end of a custom range: what is typed stays in the field; the URL follows once it is a valid
 * date and time (and, for To, not before From). The error shows at the field. A change of the URL
 * from elsewhere (Clear filters, Back) replaces what the field holds.
 */
function InstantField({ label, value, after, onChange }: { label: string; value: string | undefined; after?: string; onChange: (iso: string | undefined) => void }) {
  const [text, setText] = useState(value ? isoToLocalDateTime(value) : '');
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (!(value && text && !problem(text, undefined) && localDateTimeToIso(text) === value)) setText(value ? isoToLocalDateTime(value) : '');
  }
  const error = problem(text, after);
  return (
    <TextField
      type="datetime-local"
      size="small"
      label={label}
      value={text}
      error={error !== null}
      helperText={error ?? timeZoneLabel()}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        if (!problem(next, after)) onChange(next ? localDateTimeToIso(next) : undefined);
      }}
      sx={{ minWidth: 230, flex: '0 1 230px' }}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}

/** Time: a relative range, or Custom with From and To (date and time in the admin's zone). */
export function TimeRangeFilter({ value, onChange }: { value: Range; onChange: (patch: Range) => void }) {
  return (
    <>
      <FilterSelect<TimeRange>
        id="filter-time"
        label="Time"
        anyLabel="Any time"
        value={value.range}
        options={RANGE_OPTIONS}
        onChange={(range) => onChange({ range, from: range === 'custom' ? value.from : undefined, to: range === 'custom' ? value.to : undefined })}
        minWidth={170}
      />
      {value.range === 'custom' ? (
        <>
          <InstantField label="From" value={value.from} onChange={(from) => onChange({ ...value, from })} />
          <InstantField label="To" value={value.to} after={value.from} onChange={(to) => onChange({ ...value, to })} />
        </>
      ) : null}
    </>
  );
}
