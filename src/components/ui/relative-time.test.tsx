import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exactTime } from '@/utils/dates';

// Each test gets the module afresh, so the tooltip's code is not yet loaded when it starts.
async function freshRelativeTime() {
  vi.resetModules();
  return (await import('./relative-time')).RelativeTime;
}

const iso = new Date(Date.now() + 3 * 24 * 3600 * 1000 + 60_000).toISOString();

describe('RelativeTime', () => {
  it('before the tooltip loads, the time carries the exact time as its description', async () => {
    const RelativeTime = await freshRelativeTime();
    render(<RelativeTime iso={iso} />);
    const time = screen.getByText('in 3 days');
    expect(time).toHaveAttribute('datetime', iso);
    expect(time).toHaveAccessibleDescription(exactTime(iso));
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  // MUI's tooltip itself: the element it clones carries this attribute.
  const tooltipTookOver = (element: HTMLElement) => element.hasAttribute('data-mui-internal-clone-element');

  it('a keyboard focus before the code is in stays on the time when the tooltip takes over the element', async () => {
    // (Whether focus opens the tooltip depends on :focus-visible, which jsdom does not track as a
    // browser does: the e2e suite checks that in Chromium.)
    const RelativeTime = await freshRelativeTime();
    const user = userEvent.setup();
    render(<RelativeTime iso={iso} />);
    await user.tab();
    expect(tooltipTookOver(screen.getByText('in 3 days'))).toBe(false);
    await waitFor(() => expect(tooltipTookOver(screen.getByText('in 3 days'))).toBe(true), { timeout: 3_000 });
    expect(screen.getByText('in 3 days')).toHaveFocus();
  });

  it('a hover before the code is in shows the exact time once it is', async () => {
    const RelativeTime = await freshRelativeTime();
    const user = userEvent.setup();
    render(<RelativeTime iso={iso} />);
    await user.hover(screen.getByText('in 3 days'));
    expect(await screen.findByRole('tooltip', {}, { timeout: 3_000 })).toHaveTextContent(exactTime(iso));
    expect(screen.getByText('in 3 days')).toHaveAccessibleDescription(exactTime(iso));
  });

  it('loads the tooltip once the page is idle, without a hover; then a hover shows it and leaving hides it', async () => {
    const RelativeTime = await freshRelativeTime();
    render(<RelativeTime iso={iso} />);
    await waitFor(() => expect(tooltipTookOver(screen.getByText('in 3 days'))).toBe(true), { timeout: 3_000 });
    expect(screen.getByText('in 3 days')).toHaveAccessibleDescription(exactTime(iso));
    const user = userEvent.setup();
    await user.hover(screen.getByText('in 3 days'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(exactTime(iso));
    await user.unhover(screen.getByText('in 3 days'));
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
  });
});
