import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../app/guards';
import AgreementPrintPage from './agreement-print-page';
import CasePage from './case-page';
import MediationListPage from './mediation-list-page';
import MediationOpenPage from './mediation-open-page';

/** /mediation (the cases), /mediation/new (?orderId=), /mediation/:id and the printable agreement, as one chunk. */
export default function MediationRoutes() {
  return (
    <Routes>
      <Route index element={<MediationListPage />} />
      <Route path="new" element={<MediationOpenPage />} />
      <Route path=":id" element={<CasePage />} />
      <Route path=":id/agreements/:agreementId/print" element={<AgreementPrintPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
