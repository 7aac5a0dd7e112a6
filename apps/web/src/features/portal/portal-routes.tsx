import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../app/guards';
import MyOrdersPage from './my-orders-page';
import NewOrderPage from './new-order-page';
import OrderPage from './order-page';
import PortalPage from './portal-page';
import { PortalDutyPage } from '../party/portal-duty';
import { PortalLegalPage } from '../legal/portal-legal';
import { PortalVotePage } from '../consultations/portal-vote-page';
import { PortalVotesPage } from '../consultations/portal-votes';
import { PortalSurveyPage, PortalSurveysPage } from '../surveys/portal-surveys';
import PortalActivitiesPage from '../volunteering/portal-activities-page';
import PortalCertificatePage from '../volunteering/portal-certificate-page';
import PortalVolunteerPage from '../volunteering/portal-volunteer-page';

/** /portal, /portal/order/new, /portal/orders and /portal/orders/:id, loaded together as one chunk. */
export default function PortalRoutes() {
  return (
    <Routes>
      <Route index element={<PortalPage />} />
      <Route path="order/new" element={<NewOrderPage />} />
      <Route path="orders" element={<MyOrdersPage />} />
      <Route path="orders/:id" element={<OrderPage />} />
      <Route path="duty" element={<PortalDutyPage />} />
      <Route path="legal" element={<PortalLegalPage />} />
      <Route path="votes" element={<PortalVotesPage />} />
      <Route path="votes/:id" element={<PortalVotePage />} />
      <Route path="surveys" element={<PortalSurveysPage />} />
      <Route path="surveys/:id" element={<PortalSurveyPage />} />
      <Route path="activities" element={<PortalActivitiesPage />} />
      <Route path="volunteer" element={<PortalVolunteerPage />} />
      <Route path="certificate" element={<PortalCertificatePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
