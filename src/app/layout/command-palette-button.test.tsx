import { screen, waitFor, within } from '@testing-library/react';
import { ME_PATH, superAdmin } from '@/testing/fixtures';
import { listPage } from '@/testing/lookup-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/render-with-providers';
import { CommandPaletteButton } from './command-palette-button';

const ADMINS_PAGE = 'GET /api/admins/page/1';

function renderButton() {
  const fetchMock = mockFetch({
    [ME_PATH]: () => jsonResponse(200, superAdmin),
    [ADMINS_PAGE]: () =>
      jsonResponse(200, { items: [{ id: 'a-1', email: 'root@scaikey.test', fullName: 'Rhea Root', createdAt: '2026-01-01T00:00:00Z' }], totalCount: 1, page: 1, pageSize: 100, totalPages: 1 }),
    'GET /api/v1/admin/tenants/': () => jsonResponse(200, listPage([])),
    'GET /api/v1/admin/users/': () => jsonResponse(200, listPage([])),
  });
  const view = renderWithProviders(
    <>
      <input aria-label="Somewhere on the page" />
      <CommandPaletteButton />
    </>,
  );
  return { ...view, fetchMock };
}

const palette = () => screen.findByRole('dialog', { name: 'Search the console' });

describe('the palette button and shortcut', { timeout: 20_000 }, () => {
  it('loads nothing until used; Ctrl+K opens it from anywhere and Escape puts focus back', async () => {
    const { user, fetchMock } = renderButton();
    const field = screen.getByRole('textbox', { name: 'Somewhere on the page' });
    expect(screen.getByRole('button', { name: 'Search' })).toHaveAttribute('aria-keyshortcuts', 'Control+K Meta+K');
    expect(fetchMock).not.toHaveBeenCalled();

    await user.click(field);
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await palette();
    await waitFor(() => expect(within(dialog).getByRole('combobox')).toHaveFocus());
    // The admin accounts it searches among: one page, once it is open.
    await waitFor(() => expect(fetchMock.mock.calls.some(([request]) => request.url.includes('/api/admins/page/1'))).toBe(true));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(field).toHaveFocus();
  });

  it('opens from the app bar button with ⌘K too, and the button gets focus back', async () => {
    const { user } = renderButton();
    const button = screen.getByRole('button', { name: 'Search' });
    await user.click(button);
    await palette();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(button).toHaveFocus();

    await user.keyboard('{Meta>}k{/Meta}');
    expect(await palette()).toBeInTheDocument();
  });
});
