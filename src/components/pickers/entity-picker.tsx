import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode, type Ref } from 'react';
import type { Lookup } from '@/lib/lookups/queries';
import { SEARCH_DEBOUNCE_MS, useDebouncedValue } from './use-debounced-value';

/** What every picker (UserPicker, PartnerPicker, TenantPicker) takes. */
export interface PickerProps {
  /** The chosen record's id, or null. */
  value: string | null;
  onChange: (id: string | null) => void;
  /** The visible label, also the control's accessible name. */
  label: string;
  onBlur?: () => void;
  required?: boolean;
  disabled?: boolean;
  /** Shows the field in its error state; pair it with helperText for the message. */
  error?: boolean;
  helperText?: ReactNode;
  /** Input id (defaults to a generated one) and name (for forms). */
  id?: string;
  name?: string;
  /** Lets a form focus the field (react-hook-form's field.ref). */
  inputRef?: Ref<HTMLInputElement>;
  size?: 'small' | 'medium';
  fullWidth?: boolean;
  margin?: 'none' | 'dense' | 'normal';
  /** Shown when the box is empty. */
  placeholder?: string;
}


export interface EntityPickerProps<T extends { id: string }> extends PickerProps {
  /** The query factories from lib/lookups (one record by id, a page of search matches). */
  lookup: Lookup<T>;
  /** The main line of an option, and the text of the chosen value. */
  primaryText: (record: T) => string;
  /** The second line of an option (email, slug), if any. */
  secondaryText?: (record: T) => string | null | undefined;
  /** What the chosen value reads while its record loads or when it cannot be found. */
  unknownText?: (id: string) => string;
  /** Words for "nothing matched" ("No users match"). */
  noOptionsText?: string;
}

interface Option<T> {
  id: string;
  record: T | undefined;
}

/**
 * A searchable async picker over one Admin API collection (MUI Autocomplete). Typing searches the
 * server after a short pause; the list shows each record's name with a second line; the chosen id
 * is what `onChange` reports. The chosen record's name comes from the shared lookup cache, so a
 * value set from the URL or a loaded record shows its name, not its id.
 */
export function EntityPicker<T extends { id: string }>({
  value,
  onChange,
  label,
  onBlur,
  required = false,
  disabled = false,
  error = false,
  helperText,
  id,
  name,
  inputRef,
  size,
  fullWidth = true,
  margin,
  placeholder,
  lookup,
  primaryText,
  secondaryText,
  unknownText = (recordId) => recordId,
  noOptionsText = 'No matches',
}: EntityPickerProps<T>) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const term = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);

  const selected = useQuery({ ...lookup.detail(value ?? ''), enabled: value !== null && value !== '' });
  const matches = useQuery({ ...lookup.search(term), enabled: open, placeholderData: keepPreviousData });

  const selectedOption: Option<T> | null = value ? { id: value, record: selected.data } : null;
  const found = (matches.data ?? []).map((record): Option<T> => ({ id: record.id, record }));
  const options =
    selectedOption && !found.some((option) => option.id === selectedOption.id) ? [selectedOption, ...found] : found;

  const labelOf = (option: Option<T>) =>
    option.record ? primaryText(option.record) : selected.isPending && option.id === value ? 'Loading…' : unknownText(option.id);
  const waiting = open && (matches.isFetching || typed !== term);

  return (
    <Autocomplete<Option<T>, false, false, false>
      id={inputId}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      value={selectedOption}
      options={options}
      disabled={disabled}
      size={size}
      fullWidth={fullWidth}
      loading={waiting}
      loadingText="Searching…"
      noOptionsText={noOptionsText}
      // The server filters; the list shows what it answered.
      filterOptions={(all) => all}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      getOptionLabel={labelOf}
      // By id: two people may share a name, and keys taken from the label made React keep stale rows.
      getOptionKey={(option) => option.id}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input') setTyped(text);
        if (reason === 'clear') setTyped('');
      }}
      onChange={(_event, option) => {
        // The chosen record is in hand: cache it, so showing its name costs no request.
        if (option?.record) queryClient.setQueryData(lookup.detail(option.id).queryKey, option.record);
        setTyped('');
        onChange(option ? option.id : null);
      }}
      onBlur={onBlur}
      renderOption={(props, option) => {
        const { key, ...optionProps } = props as typeof props & { key: string };
        const secondary = option.record ? secondaryText?.(option.record) : null;
        return (
          <Box component="li" key={key} {...optionProps} sx={{ flexDirection: 'column', alignItems: 'flex-start !important' }}>
            <Typography component="span">{labelOf(option)}</Typography>
            {secondary ? (
              <Typography component="span" variant="body2" color="textSecondary">
                {secondary}
              </Typography>
            ) : null}
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          name={name}
          label={label}
          required={required}
          error={error}
          helperText={helperText}
          margin={margin}
          placeholder={placeholder}
          inputRef={inputRef}
          slotProps={{
            ...params.slotProps,
            input: {
              ...params.slotProps.input,
              endAdornment: (
                <>
                  {waiting ? <CircularProgress color="inherit" size={18} aria-hidden /> : null}
                  {params.slotProps.input.endAdornment}
                </>
              ),
            },
            htmlInput: { ...params.slotProps.htmlInput, 'aria-required': required },
          }}
        />
      )}
    />
  );
}
