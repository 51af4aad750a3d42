import { lazy, Suspense, useCallback, useState } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { PageErrorFallback } from '../components/PageErrorFallback.tsx';
import { PageSkeleton } from '../components/Skeleton.tsx';
import { Breadcrumb } from './Breadcrumb.tsx';
import { Navbar } from './Navbar.tsx';
import { Sidebar } from './Sidebar.tsx';

// The bell (and the notification schemas it reads) loads just after the shell, outside the first download.
const NotificationBell = lazy(() =>
  import('../features/notifications/NotificationBell.tsx').then((m) => ({ default: m.NotificationBell })),
);

/** The signed-in shell: navbar on top, role navigation at the side (a drawer on phones), the page in main. */
export const AppLayout = () => {
  const [navOpen, setNavOpen] = useState(false);
  const closeNav = useCallback(() => setNavOpen(false), []);
  const { pathname } = useLocation();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Navbar
        navOpen={navOpen}
        onToggleNav={() => setNavOpen((open) => !open)}
        notifications={
          <ErrorBoundary fallback={() => null}>
            <Suspense fallback={<span className="bell bell--placeholder" aria-hidden="true" />}>
              <NotificationBell />
            </Suspense>
          </ErrorBoundary>
        }
      />
      <div className="app__body">
        <Sidebar open={navOpen} onClose={closeNav} />
        <main id="main" className="app__main" tabIndex={-1}>
          <Breadcrumb />
          {/* Keyed by path: an error on one page clears when the user navigates away. */}
          <ErrorBoundary key={pathname} fallback={PageErrorFallback}>
            <Suspense fallback={<PageSkeleton label="Loading page…" />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
};
