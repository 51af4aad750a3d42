import { Link } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext.ts';
import { RoleBadge } from '../components/RoleBadge.tsx';
import { usePopover } from '../lib/usePopover.ts';
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
  const popover = usePopover();

  return (
    <div className="user-menu" ref={popover.rootRef}>
      <button {...popover.buttonProps} type="button" className="user-menu__button">
        <span className="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="visually-hidden">Account: </span>
        <span className="user-menu__name">{name}</span>
      </button>
      {popover.open && (
        <div id={popover.panelId} className="user-menu__panel">
          <div className="user-menu__who">
            <strong>{name}</strong>
            <span className="user-menu__email">{email}</span>
            {role && <RoleBadge role={role} />}
          </div>
          <Link to="/profile" className="user-menu__item" onClick={popover.close}>
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
