import { render, screen } from '@testing-library/react';
import { FilterBarPlaceholder, filterPlaces, lazyFilters } from './lazy-filters';

describe('lazyFilters', () => {
  it('holds the bar with a busy placeholder of the same name, with nothing to type into, then draws the controls', async () => {
    let release: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => {
      release = resolve;
    });
    const load = vi.fn(async () => {
      await loaded;
      return function Bar({ value }: { value: string }) {
        return (
          <div role="search" aria-label="Filter things">
            <input aria-label="Search" defaultValue={value} />
          </div>
        );
      };
    });
    const Bar = lazyFilters(load);
    // Requested as the module declares it, before anything renders.
    expect(load).toHaveBeenCalledTimes(1);
    render(<Bar value="acme" placeholder={<FilterBarPlaceholder label="Filter things" places={[filterPlaces.search(), filterPlaces.select()]} filtered />} />);
    const placeholder = screen.getByRole('search', { name: 'Filter things' });
    expect(placeholder).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    release();
    expect(await screen.findByRole('textbox', { name: 'Search' })).toHaveValue('acme');
    expect(screen.getByRole('search', { name: 'Filter things' })).not.toHaveAttribute('aria-busy');
    expect(load).toHaveBeenCalledTimes(1);
  });
});
