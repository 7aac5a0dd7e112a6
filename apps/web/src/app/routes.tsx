import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { FullPageSpin } from '../components/full-page-spin';
import { ConsoleOnly, NotFound, PortalOnly, RequireAbility, RequireSession } from './guards';

const LoginPage = lazy(() => import('../features/login/login-page'));
const ConsoleShell = lazy(() => import('./shell/console-shell'));
const OverviewPage = lazy(() => import('../features/overview/overview-page'));
const AreasPage = lazy(() => import('../features/areas/areas-page'));
const OrgsPage = lazy(() => import('../features/orgs/orgs-page'));
const UsersPage = lazy(() => import('../features/users/users-page'));
const AuditPage = lazy(() => import('../features/audit/audit-page'));
const PortalPage = lazy(() => import('../features/portal/portal-page'));
const MapRoutes = lazy(() => import('../features/map/map-routes'));
const RegistryPage = lazy(() => import('../features/registry/registry-page'));
const HouseholdCreatePage = lazy(() => import('../features/registry/household-create-page'));
const CareTagsPage = lazy(() => import('../features/registry/care-tags-page'));
const ImportPage = lazy(() => import('../features/imports/import-page'));
const OverduePage = lazy(() => import('../features/visits/overdue-page'));

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireSession />}>
          <Route element={<PortalOnly />}>
            <Route path="/portal" element={<PortalPage />} />
          </Route>
          <Route element={<ConsoleOnly />}>
            <Route element={<ConsoleShell />}>
              <Route index element={<OverviewPage />} />
              <Route element={<RequireAbility ability="areas.read" />}>
                <Route path="areas" element={<AreasPage />} />
              </Route>
              <Route element={<RequireAbility ability="orgs.read" />}>
                <Route path="orgs" element={<OrgsPage />} />
              </Route>
              <Route element={<RequireAbility ability="registry.read" />}>
                <Route path="registry" element={<RegistryPage />} />
                <Route path="registry/tags" element={<CareTagsPage />} />
                <Route path="map/*" element={<MapRoutes />} />
              </Route>
              <Route element={<RequireAbility ability="registry.write" />}>
                <Route path="registry/new" element={<HouseholdCreatePage />} />
                <Route path="registry/import" element={<ImportPage />} />
              </Route>
              <Route element={<RequireAbility ability="users.read" />}>
                <Route path="users" element={<UsersPage />} />
              </Route>
              <Route element={<RequireAbility ability="registry.read" />}>
                <Route path="visits/overdue" element={<OverduePage />} />
              </Route>
              <Route element={<RequireAbility ability="audit.read" />}>
                <Route path="audit" element={<AuditPage />} />
              </Route>
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
