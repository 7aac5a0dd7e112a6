import {
  AlertOutlined,
  AppstoreOutlined,
  ApiOutlined,
  BellOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  ProfileOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Grid, Layout, Menu } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../../components/full-page-spin';
import { useI18n } from '../i18n';
import { selectedMenuKey, visibleMenu } from '../menu';
import { useSession } from '../session';
import { ShellHeader } from './shell-header';

const ICONS: Record<string, ReactNode> = {
  overview: <HomeOutlined />,
  areas: <ClusterOutlined />,
  orgs: <ShopOutlined />,
  registry: <IdcardOutlined />,
  map: <AppstoreOutlined />,
  visits: <AlertOutlined />,
  ordersDesk: <ShoppingCartOutlined />,
  orders: <ProfileOutlined />,
  ordersWorkbench: <ToolOutlined />,
  orderNew: <FormOutlined />,
  users: <TeamOutlined />,
  open311: <ApiOutlined />,
  webhooks: <BellOutlined />,
  audit: <AuditOutlined />,
  figures: <BarChartOutlined />,
};

/** The staff console: a sider menu filtered by the user's abilities, the header, and the routed page. */
export default function ConsoleShell() {
  const me = useSession();
  const { t } = useI18n();
  const { pathname } = useLocation();
  const isNarrow = !Grid.useBreakpoint().md;
  const items = visibleMenu(me.abilities).map((e) => ({
    key: e.key,
    icon: ICONS[e.key],
    label: (
      <Link to={e.path} data-testid={`menu-${e.key}`}>
        {t(e.labelKey)}
      </Link>
    ),
  }));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <ShellHeader />
      <Layout>
        <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220} theme="light" data-testid="side-menu">
          <Menu mode="inline" selectedKeys={[selectedMenuKey(pathname)]} items={items} style={{ borderInlineEnd: 0, paddingTop: 8 }} />
        </Layout.Sider>
        <Layout.Content style={{ padding: isNarrow ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
