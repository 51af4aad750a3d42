import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FilterBar } from './FilterBar.tsx';

describe('FilterBar', () => {
  it('is a named search landmark holding the filter fields', () => {
    render(
      <FilterBar label="Filter users" canClear={false} onClear={vi.fn()}>
        <input aria-label="Search" />
      </FilterBar>,
    );

    const search = screen.getByRole('search', { name: 'Filter users' });
    expect(search.contains(screen.getByRole('textbox', { name: 'Search' }))).toBe(true);
  });

  it('offers "Clear filters" only while there is something to clear', () => {
    const onClear = vi.fn();
    const { rerender } = render(
      <FilterBar label="Filter users" canClear={false} onClear={onClear}>
        <input aria-label="Search" />
      </FilterBar>,
    );
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();

    rerender(
      <FilterBar label="Filter users" canClear onClear={onClear}>
        <input aria-label="Search" />
      </FilterBar>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onClear).toHaveBeenCalledOnce();
  });
});
