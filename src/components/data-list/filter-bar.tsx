import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';

export interface FilterBarProps {
  /** The search landmark's name: "Filter tenants". */
  label: string;
  /** Some filter is set: a "Clear filters" button is offered. */
  filtered: boolean;
  onClear: () => void;
  children: ReactNode;
}

/** A list's filters as one search landmark, with a way out once any is set. */
export function FilterBar({ label, filtered, onClear, children }: FilterBarProps) {
  return (
    <Box role="search" aria-label={label} sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start', mb: 2 }}>
      {children}
      {filtered ? (
        <Button onClick={onClear} sx={{ mt: 0.5 }}>
          Clear filters
        </Button>
      ) : null}
    </Box>
  );
}
