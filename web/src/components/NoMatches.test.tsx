import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NoMatches } from './NoMatches.tsx';

describe('NoMatches', () => {
  it('says nothing matched, what to try, and clears the filters from the sentence', () => {
    const onClear = vi.fn();
    render(
      <NoMatches title="No users match these filters" suggestion="Try another name" onClear={onClear} />,
    );

    expect(screen.getByRole('heading', { name: 'No users match these filters' })).toBeTruthy();
    expect(screen.getByText(/Try another name, or/).textContent).toBe(
      'Try another name, or clear the filters.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'clear the filters' }));
    expect(onClear).toHaveBeenCalledOnce();
  });
});
