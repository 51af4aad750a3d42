import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePopover } from './usePopover.ts';

const Menu = () => {
  const popover = usePopover();
  return (
    <>
      <p>Page</p>
      <div ref={popover.rootRef}>
        <button {...popover.buttonProps} type="button">
          Menu
        </button>
        {popover.open && (
          <div id={popover.panelId}>
            <button type="button">Inside</button>
            <button type="button" onClick={popover.close}>
              Pick
            </button>
          </div>
        )}
      </div>
    </>
  );
};

const openMenu = () => {
  const button = screen.getByRole('button', { name: 'Menu' });
  fireEvent.click(button);
  return button;
};

describe('usePopover', () => {
  it('opens and closes from its button, which says whether it is open and what it controls', () => {
    render(<Menu />);
    const button = openMenu();

    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(button.getAttribute('aria-controls') ?? '')).not.toBeNull();

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Inside' })).toBeNull();
  });

  it('stays open for presses inside, and closes on a press outside', () => {
    render(<Menu />);
    openMenu();

    fireEvent.pointerDown(screen.getByRole('button', { name: 'Inside' }));
    expect(screen.getByRole('button', { name: 'Inside' })).toBeTruthy();

    fireEvent.pointerDown(screen.getByText('Page'));
    expect(screen.queryByRole('button', { name: 'Inside' })).toBeNull();
  });

  it('closes on Escape and puts focus back on its button', () => {
    render(<Menu />);
    const button = openMenu();
    screen.getByRole('button', { name: 'Inside' }).focus();

    fireEvent.keyDown(document, { key: 'Escape' });

    expect(screen.queryByRole('button', { name: 'Inside' })).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes when the panel asks (an item was chosen)', () => {
    render(<Menu />);
    openMenu();

    fireEvent.click(screen.getByRole('button', { name: 'Pick' }));

    expect(screen.queryByRole('button', { name: 'Pick' })).toBeNull();
  });
});
