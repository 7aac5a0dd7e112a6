import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../app/guards';
import MyOrdersPage from './my-orders-page';
import NewOrderPage from './new-order-page';
import OrderPage from './order-page';
import PortalPage from './portal-page';

/** /portal, /portal/order/new, /portal/orders and /portal/orders/:id, loaded together as one chunk. */
export default function PortalRoutes() {
  return (
    <Routes>
      <Route index element={<PortalPage />} />
      <Route path="order/new" element={<NewOrderPage />} />
      <Route path="orders" element={<MyOrdersPage />} />
      <Route path="orders/:id" element={<OrderPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
