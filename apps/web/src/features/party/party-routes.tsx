import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../app/guards';
import MembersPage from './members-page';
import PartyFiguresPage from './party-figures-page';
import PartyTreePage from './party-tree-page';
import PostsPage from './posts-page';

/** /party (the tree), /party/members, /party/posts and /party/figures, loaded together as one chunk. */
export default function PartyRoutes() {
  return (
    <Routes>
      <Route index element={<PartyTreePage />} />
      <Route path="members" element={<MembersPage />} />
      <Route path="posts" element={<PostsPage />} />
      <Route path="figures" element={<PartyFiguresPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
