import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../app/guards';
import MeetingNewPage from './meeting-new-page';
import MeetingPage from './meeting-page';
import MeetingsListPage from './meetings-list-page';
import MinutesPrintPage from './minutes-print-page';

/** /meetings, /meetings/new, /meetings/:id and the printable minutes, as one chunk. */
export default function MeetingsRoutes() {
  return (
    <Routes>
      <Route index element={<MeetingsListPage />} />
      <Route path="new" element={<MeetingNewPage />} />
      <Route path=":id" element={<MeetingPage />} />
      <Route path=":id/print" element={<MinutesPrintPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
