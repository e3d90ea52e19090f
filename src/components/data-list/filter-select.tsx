import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

export interface FilterSelectProps<V extends string> {
  label: string;
  /** The first option, meaning "no filter": "Any status". */
  anyLabel: string;
  value: V | undefined;
  options: readonly { value: V; label: string }[];
  onChange: (value: V | undefined) => void;
  id?: string;
  minWidth?: number;
}

/** A filter select whose first option ("Any …") means "no filter" (undefined). */
export function FilterSelect<V extends string>({ label, anyLabel, value, options, onChange, id, minWidth = 180 }: FilterSelectProps<V>) {
  return (
    <TextField
      select
      size="small"
      id={id}
      label={label}
      value={value ?? ''}
      onChange={(event) => onChange((event.target.value || undefined) as V | undefined)}
      sx={{ minWidth, flex: `0 1 ${minWidth}px` }}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      <MenuItem value="">{anyLabel}</MenuItem>
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
