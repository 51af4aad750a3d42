import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FormDialogActions } from './FormDialogActions.tsx';

describe('FormDialogActions', () => {
  it('submits the form it sits in, and cancels', () => {
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    const onCancel = vi.fn();
    render(
      <form onSubmit={onSubmit}>
        <FormDialogActions submitLabel="Send invitation" busy={false} onCancel={onCancel} />
      </form>,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onSubmit).toHaveBeenCalledOnce();
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('says it is busy and takes no second tap while the request is in flight', () => {
    render(<FormDialogActions submitLabel="Save" busy onCancel={vi.fn()} />);

    expect(screen.getByRole('button', { name: 'Saving…' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
  });
});
