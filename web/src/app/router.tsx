import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router-dom';
import { RequireAuth } from '../auth/RequireAuth.tsx';
import { FullPageStatus } from '../components/FullPageStatus.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { FacilitiesCrumb, FacilityCrumb } from '../features/facilities/crumbs.tsx';
import { LogCrumb, LogsCrumb } from '../features/logs/crumbs.tsx';
import { UserCrumb } from '../features/users/UserCrumb.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';
import type { RouteHandle } from '../layout/breadcrumbs.ts';
import { RouteErrorPage } from './RouteErrorPage.tsx';

// Pages load on demand so the first download stays small; AppLayout shows a skeleton meanwhile.
const HomePage = lazy(() => import('../pages/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const ProfilePage = lazy(() => import('../pages/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })));
const NotFoundPage = lazy(() =>
  import('../pages/NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })),
);
const SignInPage = lazy(() => import('../auth/SignInPage.tsx').then((m) => ({ default: m.SignInPage })));
const UsersPage = lazy(() =>
  import('../features/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const UserDetailPage = lazy(() =>
  import('../features/users/UserDetailPage.tsx').then((m) => ({ default: m.UserDetailPage })),
);
const FacilitiesPage = lazy(() =>
  import('../features/facilities/FacilitiesPage.tsx').then((m) => ({ default: m.FacilitiesPage })),
);
const FacilityDetailPage = lazy(() =>
  import('../pages/FacilityPage.tsx').then((m) => ({ default: m.FacilityPage })),
);
const LogsPage = lazy(() => import('../features/logs/LogsPage.tsx').then((m) => ({ default: m.LogsPage })));
const LogDetailPage = lazy(() =>
  import('../features/logs/LogDetailPage.tsx').then((m) => ({ default: m.LogDetailPage })),
);
const LogFormPage = lazy(() =>
  import('../features/logs/LogFormPage.tsx').then((m) => ({ default: m.LogFormPage })),
);
const ReviewQueuePage = lazy(() =>
  import('../features/logs/ReviewQueuePage.tsx').then((m) => ({ default: m.ReviewQueuePage })),
);
const FollowUpsPage = lazy(() =>
  import('../features/follow-ups/FollowUpsPage.tsx').then((m) => ({ default: m.FollowUpsPage })),
);
const DashboardPage = lazy(() =>
  import('../features/reports/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);

const handle = (value: RouteHandle) => value;

/**
 * Every page of the app. A new page: add its route here (lazy), and its entry to layout/nav.ts for the
 * roles that may open it.
 */
export const appRoutes: RouteObject[] = [
  {
    path: '/sign-in',
    element: (
      <Suspense fallback={<FullPageStatus>Loading…</FullPageStatus>}>
        <SignInPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    handle: handle({ crumb: 'Home' }),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'profile', element: <ProfilePage />, handle: handle({ crumb: 'Profile' }) },
      { path: 'dashboard', element: <DashboardPage />, handle: handle({ crumb: 'Dashboard' }) },
      {
        path: 'logs',
        handle: handle({ crumb: () => <LogsCrumb /> }),
        children: [
          { index: true, element: <LogsPage /> },
          { path: 'new', element: <LogFormPage />, handle: handle({ crumb: 'Plan a visit' }) },
          {
            path: ':id',
            handle: handle({ crumb: (match) => <LogCrumb id={match.params.id ?? ''} /> }),
            children: [
              { index: true, element: <LogDetailPage /> },
              { path: 'edit', element: <LogFormPage />, handle: handle({ crumb: 'Edit' }) },
            ],
          },
        ],
      },
      {
        path: 'review',
        element: (
          <RequireRole roles={['admin', 'supervisor']}>
            <ReviewQueuePage />
          </RequireRole>
        ),
        handle: handle({ crumb: 'Review queue' }),
      },
      { path: 'follow-ups', element: <FollowUpsPage />, handle: handle({ crumb: 'Follow-ups' }) },
      {
        path: 'users',
        element: (
          <RequireRole roles={['admin', 'supervisor']}>
            <Outlet />
          </RequireRole>
        ),
        handle: handle({ crumb: 'Users' }),
        children: [
          { index: true, element: <UsersPage /> },
          {
            path: ':id',
            element: <UserDetailPage />,
            handle: handle({ crumb: (match) => <UserCrumb id={match.params.id ?? ''} /> }),
          },
        ],
      },
      {
        path: 'facilities',
        handle: handle({ crumb: () => <FacilitiesCrumb /> }),
        children: [
          { index: true, element: <FacilitiesPage /> },
          {
            path: ':id',
            element: <FacilityDetailPage />,
            handle: handle({ crumb: (match) => <FacilityCrumb id={match.params.id ?? ''} /> }),
          },
        ],
      },
      {
        path: 'audit',
        element: (
          <RequireRole roles={['admin']}>
            <AuditPage />
          </RequireRole>
        ),
        handle: handle({ crumb: 'Audit log' }),
      },
      { path: '*', element: <NotFoundPage />, handle: handle({ crumb: 'Page not found' }) },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(appRoutes);
