import { useEffect, useId, useRef, useState } from 'react';

/**
 * A button that opens a panel below it (the navbar's account menu, the notification bell). The panel
 * closes on a press outside it and on Escape; Escape also puts focus back on the button, which the
 * keyboard user would otherwise lose with the panel.
 */
export const usePopover = () => {
  const [open, setOpen] = useState(false);
  /** Wraps the button and the panel: presses inside it do not close the panel. */
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', closeOnOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  return {
    open,
    close: () => setOpen(false),
    rootRef,
    /** The panel's id, for its `id` (the button's `aria-controls` names it). */
    panelId,
    /** Spread onto the button that toggles the panel. */
    buttonProps: {
      ref: buttonRef,
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => setOpen((value) => !value),
    },
  };
};
