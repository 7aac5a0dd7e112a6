import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../app/guards';
import ActivitiesPage from './activities-page';
import ActivityPage from './activity-page';
import VolunteeringFiguresPage from './figures-page';
import PendingHoursPage from './pending-hours-page';
import VolunteersPage from './volunteers-page';

/** /volunteering (activities), /volunteering/activities/:id, /volunteering/volunteers, /volunteering/figures and /volunteering/hours. */
export default function VolunteeringRoutes() {
  return (
    <Routes>
      <Route index element={<ActivitiesPage />} />
      <Route path="activities/:id" element={<ActivityPage />} />
      <Route path="volunteers" element={<VolunteersPage />} />
      <Route path="figures" element={<VolunteeringFiguresPage />} />
      <Route path="hours" element={<PendingHoursPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
