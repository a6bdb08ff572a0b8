import { Navigate, Outlet, type RouteObject } from 'react-router';
import { ApiTokensPage, PasswordPage, RequireAuth, SignInPage } from '@corroborate/web-auth';
import { ProjectDetailPage, ProjectsPage } from '@corroborate/web-projects';
import { ActivityPage, OrganisationPage, UsersPage } from '@corroborate/web-admin';
import { ClaimPage } from '@corroborate/web-claims';
import { DASHBOARD_ROLES, DashboardPage } from '@corroborate/web-dashboard';
import { NotificationsPage } from '@corroborate/web-notifications';
import { EXPORT_ROLES, ExportPage, ReleasesPage } from '@corroborate/web-export';
import { ExtractPage, ImportPage } from '@corroborate/web-intake';
import { QueuePage } from '@corroborate/web-queue';
import { SourceDetailPage, SourcesPage } from '@corroborate/web-sources';
import { ADMIN_ROLES, RequireRole, UnsavedChangesGuard } from '@corroborate/web-ui';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';

/**
 * Every page except sign-in sits behind RequireAuth (the `me` query) inside
 * the app shell. Role-restricted pages render a "no access" page for others.
 * UnsavedChangesGuard asks before any move that would drop unsaved input.
 */
export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: (
      <RequireAuth>
        <UnsavedChangesGuard>
          <AppLayout />
        </UnsavedChangesGuard>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/projects" replace /> },
      { path: 'projects', element: <ProjectsPage /> },
      { path: 'projects/:projectId', element: <ProjectDetailPage /> },
      { path: 'queue', element: <QueuePage /> },
      {
        path: 'dashboard',
        element: (
          <RequireRole roles={DASHBOARD_ROLES}>
            <DashboardPage />
          </RequireRole>
        ),
      },
      { path: 'intake/extract', element: <ExtractPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'claims/:claimId', element: <ClaimPage /> },
      { path: 'sources', element: <SourcesPage /> },
      { path: 'sources/:sourceId', element: <SourceDetailPage /> },
      {
        path: 'admin',
        element: (
          <RequireRole roles={ADMIN_ROLES}>
            <Outlet />
          </RequireRole>
        ),
        children: [
          { index: true, element: <Navigate to="/admin/users" replace /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'organisation', element: <OrganisationPage /> },
          { path: 'activity', element: <ActivityPage /> },
        ],
      },
      {
        path: 'export',
        element: (
          <RequireRole roles={EXPORT_ROLES}>
            <ExportPage />
          </RequireRole>
        ),
      },
      {
        path: 'releases',
        element: (
          <RequireRole roles={EXPORT_ROLES}>
            <ReleasesPage />
          </RequireRole>
        ),
      },
      { path: 'account/tokens', element: <ApiTokensPage /> },
      { path: 'account/password', element: <PasswordPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
