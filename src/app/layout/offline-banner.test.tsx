import { act, render, screen } from '@testing-library/react';
import { OfflineBanner } from './offline-banner';

function goOffline(offline: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(!offline);
  act(() => {
    window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
  });
}

afterEach(() => vi.restoreAllMocks());

describe('OfflineBanner', () => {
  it('shows nothing while online', () => {
    render(<OfflineBanner />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when the network goes, and clears when it returns', () => {
    render(<OfflineBanner />);
    goOffline(true);
    expect(screen.getByRole('alert')).toHaveTextContent('You are offline.');
    goOffline(false);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
