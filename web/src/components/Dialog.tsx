import {
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Open dialogs, outermost first. */
const openDialogs: object[] = [];

type Props = {
  title: string;
  /** Escape, the close button and Cancel buttons call this; ignored while `busy`. */
  onClose: () => void;
  children: ReactNode;
  /** Short text under the title, read out with it (aria-describedby). */
  description?: ReactNode;
  /** A request is in flight: closing now would hide its outcome. */
  busy?: boolean;
  /** Wider panel for forms with many fields (phones always get the full width). */
  wide?: boolean;
};

/**
 * A modal dialog: rendered over the page, which becomes inert (and hidden from screen readers) while it
 * is open. Focus moves into the dialog (to the element marked `data-autofocus`, else the first field or
 * button), Tab stays inside it, Escape closes it, and focus returns to what opened it.
 */
export const Dialog = ({ title, onClose, children, description, busy = false, wide = false }: Props) => {
  const titleId = useId();
  const descriptionId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const [host] = useState(() => document.createElement('div'));
  // Escape is heard on the document, so it works wherever focus is; the listener reads the latest props.
  const closeRef = useRef<() => void>(() => {});
  useEffect(() => {
    closeRef.current = busy ? () => {} : onClose;
  }, [busy, onClose]);
  useEffect(() => {
    const token = {};
    openDialogs.push(token);
    const closeOnEscape = (event: KeyboardEvent) => {
      // Only the topmost dialog closes (the others are behind it).
      if (event.key !== 'Escape' || openDialogs.at(-1) !== token) return;
      closeRef.current();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('keydown', closeOnEscape);
      openDialogs.splice(openDialogs.indexOf(token), 1);
    };
  }, []);

  useLayoutEffect(() => {
    const opener = document.activeElement;
    document.body.appendChild(host);
    // Everything else on the page leaves the focus order and the accessibility tree; nested dialogs
    // stack, each restoring what it found.
    const saved = [...document.body.children]
      .filter((element) => element !== host)
      .map((element) => ({
        element,
        inert: element.hasAttribute('inert'),
        ariaHidden: element.getAttribute('aria-hidden'),
      }));
    for (const { element } of saved) {
      element.setAttribute('inert', '');
      element.setAttribute('aria-hidden', 'true');
    }
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      for (const { element, inert, ariaHidden } of saved) {
        if (!inert) element.removeAttribute('inert');
        if (ariaHidden === null) element.removeAttribute('aria-hidden');
        else element.setAttribute('aria-hidden', ariaHidden);
      }
      document.body.style.overflow = overflow;
      host.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [host]);

  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const target =
      panel.querySelector<HTMLElement>('[data-autofocus]') ??
      panel.querySelector<HTMLElement>(
        'input:not([disabled]), select:not([disabled]), textarea:not([disabled])',
      ) ??
      panel.querySelector<HTMLElement>(FOCUSABLE) ??
      panel;
    target.focus();
  }, []);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab' || !panelRef.current) return;
    const focusable = [...panelRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        aria-busy={busy || undefined}
        className={wide ? 'dialog dialog--wide' : 'dialog'}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <button
            type="button"
            className="dialog__close"
            aria-label="Close"
            onClick={onClose}
            disabled={busy}
          >
            <span aria-hidden="true">×</span>
          </button>
        </header>
        {description && (
          <p id={descriptionId} className="dialog__description">
            {description}
          </p>
        )}
        <div className="dialog__body">{children}</div>
      </div>
    </div>,
    host,
  );
};

/** The row of buttons at the bottom of a dialog (primary action first on phones, last on wide screens). */
export const DialogActions = ({ children }: { children: ReactNode }) => (
  <div className="dialog__actions">{children}</div>
);
