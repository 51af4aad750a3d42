import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fallbackError } from '../api/ApiError.ts';
import { QueryStatus } from './QueryStatus.tsx';

const texts = { loadingLabel: 'Loading files…', errorTitle: "We couldn't load the files" };
const failed = (error: unknown) => ({ isPending: false, error, isFetching: false, refetch: vi.fn() });

describe('QueryStatus', () => {
  it('announces the loading label while the query loads', () => {
    render(<QueryStatus query={{ ...failed(null), isPending: true }} rows={2} {...texts} />);

    expect(screen.getByRole('status').textContent).toContain('Loading files…');
  });

  it('says what failed, and tries again on request', () => {
    const query = failed(fallbackError(503));
    render(<QueryStatus query={query} {...texts} />);

    expect(screen.getByRole('alert').textContent).toContain("We couldn't load the files");
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(query.refetch).toHaveBeenCalledOnce();
  });
});
