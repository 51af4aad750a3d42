import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { MenuIcon } from '../components/icons.tsx';
import { SIDEBAR_ID } from './Sidebar.tsx';
import { UserMenu } from './UserMenu.tsx';

type Props = {
  navOpen: boolean;
  onToggleNav: () => void;
  /**
   * Slot for the notification bell, rendered before the user menu. Empty until the notifications
   * feature exists; AppLayout passes it in (e.g. `<NotificationBell />` from features/notifications).
   */
  notifications?: ReactNode;
};

export const Navbar = ({ navOpen, onToggleNav, notifications }: Props) => (
  <header className="navbar">
    <button
      type="button"
      className="navbar__menu-button"
      aria-controls={SIDEBAR_ID}
      aria-expanded={navOpen}
      onClick={onToggleNav}
    >
      <MenuIcon />
      <span className="visually-hidden">Menu</span>
    </button>
    <Link to="/" className="navbar__brand">
      Digital Mentorship Log
    </Link>
    <div className="navbar__actions">
      {notifications}
      <UserMenu />
    </div>
  </header>
);
