import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../app/guards';
import BuildingMapPage from './building-map-page';
import MapHome from './map-home';
import SiteMapPage from './site-map-page';

/** /map, /map/buildings/:id and /map/areas/:id, loaded together as one chunk. */
export default function MapRoutes() {
  return (
    <Routes>
      <Route index element={<MapHome />} />
      <Route path="buildings/:id" element={<BuildingMapPage />} />
      <Route path="areas/:id" element={<SiteMapPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
