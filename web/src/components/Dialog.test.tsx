import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { Dialog } from './Dialog.tsx';

const Harness = ({ onClose = vi.fn(), busy = false }: { onClose?: () => void; busy?: boolean }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <p>Page text</p>
      {open && (
        <Dialog
          title="Edit thing"
          busy={busy}
          onClose={() => {
            onClose();
            setOpen(false);
          }}
        >
          <label>
            Name <input />
          </label>
          <button type="button">Save</button>
        </Dialog>
      )}
    </>
  );
};

const openDialog = () => {
  const opener = screen.getByRole('button', { name: 'Open' });
  opener.focus();
  fireEvent.click(opener);
  return screen.getByRole('dialog', { name: 'Edit thing' });
};

describe('Dialog', () => {
  it('is a labelled modal that takes focus and hides the page behind it', () => {
    render(<Harness />);

    const dialog = openDialog();

    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    // The page is out of the accessibility tree and inert while the dialog is open.
    expect(screen.queryByRole('button', { name: 'Open' })).toBeNull();
    expect(screen.getByText('Page text').closest('[inert]')).not.toBeNull();
  });

  it('keeps Tab inside the dialog', () => {
    render(<Harness />);
    const dialog = openDialog();
    const close = screen.getByRole('button', { name: 'Close' });
    const save = screen.getByRole('button', { name: 'Save' });

    save.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(close);

    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(save);
  });

  it('closes on Escape, restores the page and returns focus to the opener', () => {
    const onClose = vi.fn();
    render(<Harness onClose={onClose} />);
    openDialog();

    fireEvent.keyDown(document.activeElement ?? document, { key: 'Escape' });

    expect(onClose).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open' }));
    expect(document.querySelector('[inert]')).toBeNull();
  });

  it('cannot be closed while its request is in flight', () => {
    const onClose = vi.fn();
    render(<Harness onClose={onClose} busy />);
    openDialog();

    fireEvent.keyDown(document, { key: 'Escape' });

    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Close' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('ConfirmDialog', () => {
  it('starts on Cancel, the safe choice, and confirms with its named action', () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmDialog title="Delete it?" confirmLabel="Delete" onConfirm={onConfirm} onCancel={vi.fn()} danger>
        <p>This cannot be undone.</p>
      </ConfirmDialog>,
    );

    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});
