import { useEffect, useRef } from 'react';
import { NavLink } from 'react-router-dom';
import { navFor } from './nav.ts';
import { useViewer } from './useViewer.ts';

export const SIDEBAR_ID = 'app-sidebar';

type Props = {
  /** Phones only: the sidebar is a drawer; on wider screens CSS keeps it open and ignores this. */
  open: boolean;
  onClose: () => void;
};

/** The role's navigation (see nav.ts). */
export const Sidebar = ({ open, onClose }: Props) => {
  const { role } = useViewer();
  const navRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    // Keyboard and screen-reader users land in the drawer they just opened.
    navRef.current?.querySelector('a')?.focus();
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [open, onClose]);

  return (
    <>
      {open && (
        <button
          type="button"
          className="sidebar-backdrop"
          aria-label="Close navigation"
          tabIndex={-1}
          onClick={onClose}
        />
      )}
      <nav
        id={SIDEBAR_ID}
        ref={navRef}
        aria-label="Main"
        className={open ? 'sidebar sidebar--open' : 'sidebar'}
      >
        <ul className="sidebar__list">
          {navFor(role).map((item) => (
            <li key={item.to}>
              {/* NavLink marks the current page with aria-current="page". */}
              <NavLink to={item.to} end={item.end ?? false} className="sidebar__link" onClick={onClose}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
};
