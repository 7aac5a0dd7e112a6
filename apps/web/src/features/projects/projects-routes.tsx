import { Route, Routes } from 'react-router-dom';
import { Forbidden, NotFound } from '../../app/guards';
import { useSession } from '../../app/session';
import OrgHistoryPage from './org-history-page';
import ProjectFormPage from './project-form-page';
import ProjectPage from './project-page';
import ProjectReportPage from './project-report-page';
import ProjectsListPage from './projects-list-page';

/** /projects (the list; /evaluations lands here too), /projects/new, /projects/:id (and its /edit form), its printable report and a provider's history. */
export default function ProjectsRoutes() {
  const me = useSession();
  if (!me.abilities.includes('projects.read') && !me.abilities.includes('projects.evaluate')) return <Forbidden />;
  return (
    <Routes>
      <Route index element={<ProjectsListPage />} />
      <Route path="orgs/:orgId" element={<OrgHistoryPage />} />
      <Route path="new" element={<ProjectFormPage />} />
      <Route path=":id" element={<ProjectPage />} />
      <Route path=":id/edit" element={<ProjectFormPage />} />
      <Route path=":id/report" element={<ProjectReportPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
