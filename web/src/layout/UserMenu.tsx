import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext.ts';
import { RoleBadge } from '../components/RoleBadge.tsx';
import { useViewer } from './useViewer.ts';

const initials = (name: string) =>
  name
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

/** The account button in the navbar: who is signed in, a link to the profile, and sign-out. */
export const UserMenu = () => {
  const { name, email, role } = useViewer();
  const { signOut } = useAuth();
  const [open, setOpen] = useState(false);
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

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="visually-hidden">Account: </span>
        <span className="user-menu__name">{name}</span>
      </button>
      {open && (
        <div id={panelId} className="user-menu__panel">
          <div className="user-menu__who">
            <strong>{name}</strong>
            <span className="user-menu__email">{email}</span>
            {role && <RoleBadge role={role} />}
          </div>
          <Link to="/profile" className="user-menu__item" onClick={() => setOpen(false)}>
            Your profile
          </Link>
          <button type="button" className="user-menu__item" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
};
