import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ResultsRegion } from './ResultsRegion.tsx';

describe('ResultsRegion', () => {
  it('is a named region, marked busy while it shows the previous filters’ results', () => {
    const { rerender } = render(
      <ResultsRegion label="Users" stale={false}>
        <p>Ada</p>
      </ResultsRegion>,
    );
    const region = screen.getByRole('region', { name: 'Users' });
    expect(region.hasAttribute('aria-busy')).toBe(false);

    rerender(
      <ResultsRegion label="Users" stale>
        <p>Ada</p>
      </ResultsRegion>,
    );
    expect(region.getAttribute('aria-busy')).toBe('true');
    expect(region.classList.contains('results--stale')).toBe(true);
  });
});
