import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fallbackError } from '../api/ApiError.ts';
import { ListResults, type PagedList } from './ListResults.tsx';

/** A paged list that has loaded `items` and has no more pages, with spies for the calls. */
const loaded = (items: string[], overrides: Partial<PagedList<string>> = {}): PagedList<string> => ({
  items,
  isPending: false,
  isError: false,
  error: null,
  isFetching: false,
  refetch: vi.fn(),
  hasNextPage: false,
  isFetchingNextPage: false,
  isFetchNextPageError: false,
  fetchNextPage: vi.fn(),
  ...overrides,
});

const Results = ({ list, onlyWhenMore }: { list: PagedList<string>; onlyWhenMore?: boolean }) => (
  <ListResults
    list={list}
    loadingLabel="Loading fruit…"
    errorTitle="We couldn't load the fruit"
    empty={<p>No fruit yet.</p>}
    summary={`Showing ${list.items.length} fruit`}
    onlyWhenMore={onlyWhenMore}
  >
    {(items) => (
      <ul aria-label="Fruit">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    )}
  </ListResults>
);

describe('ListResults', () => {
  it('announces the loading label while the first page loads', () => {
    render(<Results list={loaded([], { isPending: true })} />);

    expect(screen.getByRole('status').textContent).toContain('Loading fruit…');
    expect(screen.queryByText('No fruit yet.')).toBeNull();
  });

  it('says what failed and tries again on request, once at a time', () => {
    const list = loaded([], { isError: true, error: fallbackError(503) });
    const { rerender } = render(<Results list={list} />);

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain("We couldn't load the fruit");
    expect(alert.textContent).toContain('Something went wrong on our side');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(list.refetch).toHaveBeenCalledOnce();

    rerender(<Results list={{ ...list, isFetching: true }} />);
    expect(screen.getByRole('button', { name: 'Trying again…' }).hasAttribute('disabled')).toBe(true);
  });

  it("shows the list's own empty state when nothing came back", () => {
    render(<Results list={loaded([])} />);

    expect(screen.getByText('No fruit yet.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows the items, how many, and loads the next page on request', () => {
    const list = loaded(['Apple', 'Pear'], { hasNextPage: true });
    render(<Results list={list} />);

    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Apple', 'Pear']);
    expect(screen.getByText('Showing 2 fruit')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(list.fetchNextPage).toHaveBeenCalledOnce();
  });

  it('keeps the items when the next page fails, and says so', () => {
    render(<Results list={loaded(['Apple'], { hasNextPage: true, isFetchNextPageError: true })} />);

    expect(screen.getByRole('listitem').textContent).toBe('Apple');
    expect(screen.getByRole('alert').textContent).toContain('Could not load more');
  });

  it('with onlyWhenMore, shows no count once every item is on screen', () => {
    const { rerender } = render(<Results list={loaded(['Apple'])} onlyWhenMore />);
    expect(screen.queryByText('Showing 1 fruit')).toBeNull();

    rerender(<Results list={loaded(['Apple'], { hasNextPage: true })} onlyWhenMore />);
    expect(screen.getByText('Showing 1 fruit')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
  });
});
