import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FormAlert } from './FormAlert.tsx';

describe('FormAlert', () => {
  it('announces a failure, and shows nothing without one', () => {
    const { rerender } = render(<FormAlert message={null} />);
    expect(screen.queryByRole('alert')).toBeNull();

    rerender(<FormAlert message="The email is already in use." />);
    expect(screen.getByRole('alert').textContent).toBe('The email is already in use.');
  });
});
