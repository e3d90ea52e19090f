import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { renderWithProviders } from '@/testing/render-with-providers';
import { localDateTimeToIso } from '@/utils/dates';
import type { AuditFilters } from '../schemas';
import { TimeRangeFilter } from './time-range-filter';

/** The custom range's From and To: checked against each other at the fields, and only a pair the server takes reaches the URL. */

type Range = Pick<AuditFilters, 'range' | 'from' | 'to'>;

function renderFilter(initial: Range) {
  const written: Range[] = [];
  function Harness() {
    const [value, setValue] = useState<Range>(initial);
    return (
      <TimeRangeFilter
        value={value}
        onChange={(patch) => {
          written.push(patch);
          setValue(patch);
        }}
      />
    );
  }
  renderWithProviders(<Harness />);
  return written;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('TimeRangeFilter, custom range', () => {
  it('refuses a From after To at both fields and keeps the pair out of the URL until it is fixed', () => {
    const written = renderFilter({ range: 'custom', to: localDateTimeToIso('2026-06-10T12:00') });

    type('From', '2026-06-11T08:00');
    expect(screen.getByLabelText('From')).toHaveAccessibleDescription('Must not be after To');
    expect(screen.getByLabelText('To')).toHaveAccessibleDescription('Must not be before From');
    expect(screen.getByLabelText('From')).toHaveValue('2026-06-11T08:00');
    expect(written).toEqual([]);

    // Fixing the other end sends both.
    type('To', '2026-06-12T00:00');
    expect(screen.getByLabelText('From')).not.toHaveAccessibleDescription(/Must not/);
    expect(written).toEqual([
      { range: 'custom', from: localDateTimeToIso('2026-06-11T08:00'), to: localDateTimeToIso('2026-06-12T00:00') },
    ]);
  });

  it('refuses a To before From the same way', () => {
    const written = renderFilter({ range: 'custom', from: localDateTimeToIso('2026-06-10T12:00') });
    type('To', '2026-06-09T12:00');
    expect(screen.getByLabelText('To')).toHaveAccessibleDescription('Must not be before From');
    expect(written).toEqual([]);
    type('To', '2026-06-10T12:00');
    expect(written).toEqual([{ range: 'custom', from: localDateTimeToIso('2026-06-10T12:00'), to: localDateTimeToIso('2026-06-10T12:00') }]);
  });
});
