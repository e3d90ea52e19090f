import SearchIcon from '@mui/icons-material/Search';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';
import { SEARCH_DEBOUNCE_MS } from '@/components/pickers/use-debounced-value';

export interface SearchFieldProps {
  /** The search as the URL holds it. */
  value: string;
  /** Called once typing pauses, with the trimmed text. */
  onSearch: (search: string) => void;
  label?: string;
  /** What is searched: "Name, slug or contact email". */
  helperText?: string;
}

/**
 * A list's search box: what is typed shows at once, the URL (and so the request) follows once
 * typing pauses. Going back or forward in history puts the URL's search back in the box.
 */
export function SearchField({ value, onSearch, label = 'Search', helperText }: SearchFieldProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // What this box last sent to the URL: when it comes back, the admin may have typed on since,
  // and copying it into the box would drop those keystrokes. Only other changes (Back, Clear
  // filters) replace what is typed.
  const [sent, setSent] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (value !== seen) {
    setSeen(value);
    if (value !== sent && value !== text.trim()) setText(value);
    setSent(null);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <TextField
      label={label}
      type="search"
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          setSent(next.trim());
          onSearch(next.trim());
        }, SEARCH_DEBOUNCE_MS);
      }}
      helperText={helperText}
      size="small"
      sx={{ minWidth: 280, flex: '2 1 280px' }}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
