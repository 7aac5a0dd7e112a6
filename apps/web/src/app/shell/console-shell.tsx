import {
  AlertOutlined,
  ScheduleOutlined,
  HeartOutlined,
  ProjectOutlined,
  FileDoneOutlined,
  FlagOutlined,
  UserOutlined,
  SolutionOutlined,
  PieChartOutlined,
  CalendarOutlined,
  SmileOutlined,
  LineChartOutlined,
  CommentOutlined,
  BankOutlined,
  SafetyCertificateOutlined,
  CheckSquareOutlined,
  AppstoreOutlined,
  ApiOutlined,
  BellOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  MenuOutlined,
  ProfileOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Button, Grid, Layout, Menu } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
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
  today: <ScheduleOutlined />,
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
  dashboard: <DashboardOutlined />,
  workReport: <FileTextOutlined />,
  catalogue: <BookOutlined />,
  programmes: <HeartOutlined />,
  projects: <ProjectOutlined />,
  evaluations: <FileDoneOutlined />,
  partyTree: <FlagOutlined />,
  partyMembers: <UserOutlined />,
  posts: <SolutionOutlined />,
  partyFigures: <PieChartOutlined />,
  activities: <CalendarOutlined />,
  volunteers: <SmileOutlined />,
  volunteeringFigures: <LineChartOutlined />,
  volunteerHours: <AuditOutlined />,
  mediation: <CommentOutlined />,
  compoundProperty: <BankOutlined />,
  legal: <SafetyCertificateOutlined />,
  consultations: <CheckSquareOutlined />,
  meetings: <TeamOutlined />,
};

/** The staff console: a sider menu filtered by the user's abilities, the header, and the routed page. */
export default function ConsoleShell() {
  const me = useSession();
  const { t } = useI18n();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const isNarrow = !screens.md;
  // below lg the menu folds away; its toggle lives in the header, where antd's floating one covered page titles
  const isFolding = screens.lg === false;
  const [collapsed, setCollapsed] = useState(false);
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
      <ShellHeader
        menuToggle={
          isFolding && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('shell.menu')}
              aria-expanded={!collapsed}
              onClick={() => setCollapsed(!collapsed)}
              data-testid="menu-toggle"
            />
          )
        }
      />
      <Layout>
        <Layout.Sider
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          trigger={null}
          width={220}
          theme="light"
          data-testid="side-menu"
        >
          <Menu
            mode="inline"
            selectedKeys={[selectedMenuKey(pathname)]}
            items={items}
            onClick={() => isFolding && setCollapsed(true)}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
          />
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
