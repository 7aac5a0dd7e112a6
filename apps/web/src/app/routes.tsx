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
const PortalRoutes = lazy(() => import('../features/portal/portal-routes'));
const MapRoutes = lazy(() => import('../features/map/map-routes'));
const RegistryPage = lazy(() => import('../features/registry/registry-page'));
const HouseholdCreatePage = lazy(() => import('../features/registry/household-create-page'));
const CareTagsPage = lazy(() => import('../features/registry/care-tags-page'));
const ImportPage = lazy(() => import('../features/imports/import-page'));
const OverduePage = lazy(() => import('../features/visits/overdue-page'));
const TodayPage = lazy(() => import('../features/today/today-page'));
const DeskPage = lazy(() => import('../features/orders/desk-page'));
const OrdersPage = lazy(() => import('../features/orders/orders-page'));
const WorkbenchPage = lazy(() => import('../features/orders/workbench-page'));
const OrderNewPage = lazy(() => import('../features/orders/order-new-page'));
const OrderDetailPage = lazy(() => import('../features/orders/order-detail-page'));
const Open311Page = lazy(() => import('../features/integrations/open311-page'));
const WebhooksPage = lazy(() => import('../features/webhooks/webhooks-page'));
const CataloguePage = lazy(() => import('../features/catalogue/catalogue-page'));
const FiguresPage = lazy(() => import('../features/figures/figures-page'));
const PartyRoutes = lazy(() => import('../features/party/party-routes'));
const VolunteeringRoutes = lazy(() => import('../features/volunteering/volunteering-routes'));
const DashboardPage = lazy(() => import('../features/dashboard/dashboard-page'));
const WorkReportPage = lazy(() => import('../features/reports/work-report-page'));
const MediationRoutes = lazy(() => import('../features/mediation/mediation-routes'));
const CompoundPropertyPage = lazy(() => import('../features/property/compound-property-page'));
const LegalPage = lazy(() => import('../features/legal/legal-page'));
const ProgrammesPage = lazy(() => import('../features/programmes/programmes-page'));
const UnservedPage = lazy(() => import('../features/programmes/unserved-page'));
const ProjectsRoutes = lazy(() => import('../features/projects/projects-routes'));
const ConsultationsPage = lazy(() => import('../features/consultations/consultations-page'));
const ConsultationPage = lazy(() => import('../features/consultations/consultation-page'));
const MeetingsRoutes = lazy(() => import('../features/meetings/meetings-routes'));
const SurveysPage = lazy(() => import('../features/surveys/surveys-page'));
const SurveyPage = lazy(() => import('../features/surveys/survey-page'));

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireSession />}>
          <Route element={<PortalOnly />}>
            <Route path="/portal/*" element={<PortalRoutes />} />
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
                <Route path="today" element={<TodayPage />} />
              </Route>
              <Route element={<RequireAbility ability="integrations.manage" />}>
                <Route path="integrations/open311" element={<Open311Page />} />
                <Route path="integrations/webhooks" element={<WebhooksPage />} />
              </Route>
              <Route element={<RequireAbility ability="orders.desk" />}>
                <Route path="orders/desk" element={<DeskPage />} />
              </Route>
              <Route element={<RequireAbility ability="orders.read" />}>
                <Route path="orders" element={<OrdersPage />} />
              </Route>
              <Route element={<RequireAbility ability="orders.read" />}>
                <Route path="catalogue" element={<CataloguePage />} />
              </Route>
              <Route element={<RequireAbility ability="figures.read" />}>
                <Route path="figures" element={<FiguresPage />} />
              </Route>
              <Route element={<RequireAbility ability="party.read" />}>
                <Route path="party/*" element={<PartyRoutes />} />
              </Route>
              <Route element={<RequireAbility ability="volunteers.read" />}>
                <Route path="volunteering/*" element={<VolunteeringRoutes />} />
              </Route>
              <Route element={<RequireAbility ability="reports.read" />}>
                <Route path="dashboard" element={<DashboardPage />} />
                <Route path="reports/work" element={<WorkReportPage />} />
              </Route>
              <Route element={<RequireAbility ability="orders.handle" />}>
                <Route path="orders/workbench" element={<WorkbenchPage />} />
              </Route>
              <Route element={<RequireAbility ability="orders.place" />}>
                <Route path="orders/new" element={<OrderNewPage />} />
              </Route>
              <Route path="orders/:id" element={<OrderDetailPage />} />
              <Route element={<RequireAbility ability="audit.read" />}>
                <Route path="audit" element={<AuditPage />} />
              </Route>
              <Route element={<RequireAbility ability="mediation.use" />}>
                <Route path="mediation/*" element={<MediationRoutes />} />
              </Route>
              <Route element={<RequireAbility ability="areas.read" />}>
                <Route path="compounds/property" element={<CompoundPropertyPage />} />
              </Route>
              <Route element={<RequireAbility ability="legal.use" />}>
                <Route path="legal" element={<LegalPage />} />
              </Route>
              <Route element={<RequireAbility ability="consultations.manage" />}>
                <Route path="consultations" element={<ConsultationsPage />} />
                <Route path="consultations/:id" element={<ConsultationPage />} />
              </Route>
              <Route element={<RequireAbility ability="meetings.read" />}>
                <Route path="meetings/*" element={<MeetingsRoutes />} />
              </Route>
              <Route element={<RequireAbility ability="surveys.read" />}>
                <Route path="surveys" element={<SurveysPage />} />
                <Route path="surveys/:id" element={<SurveyPage />} />
              </Route>
              <Route element={<RequireAbility ability="programmes.read" />}>
                <Route path="programmes" element={<ProgrammesPage />} />
                <Route path="programmes/unserved" element={<UnservedPage />} />
              </Route>
              {/* readers and assigned evaluators; the server answers 404 for the rest */}
              <Route path="projects/*" element={<ProjectsRoutes />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
