import {
  AlertOutlined,
  AppstoreOutlined,
  BuildOutlined,
  HeartOutlined,
  HomeOutlined,
  MessageOutlined,
  RightOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { SERVICE_CATEGORY_LABELS, type CatalogueDto, type ServiceCategoryCode, type ServiceDto } from '@linli/contracts';
import { Alert, Button, Empty, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';

const CATEGORY_ICONS: Record<ServiceCategoryCode, ReactNode> = {
  property: <ToolOutlined />,
  home_service: <HomeOutlined />,
  renovation: <BuildOutlined />,
  mediation: <MessageOutlined />,
  volunteer: <HeartOutlined />,
  social_org: <TeamOutlined />,
};

type Props = {
  catalogue: CatalogueDto;
  category: ServiceCategoryCode | null;
  onCategory: (c: ServiceCategoryCode | null) => void;
  selected: ServiceDto | null;
  onService: (s: ServiceDto) => void;
};

/** Step 1: the six kinds of help as big tiles, then the kind's services as big rows, emergencies marked. */
export function ServiceStep({ catalogue, category, onCategory, selected, onService }: Props) {
  const { t, locale } = useI18n();
  if (!category)
    return (
      <>
        <Typography.Paragraph className="portal-section-title">{t('portal.new.chooseCategory')}</Typography.Paragraph>
        <div className="portal-tiles">
          {catalogue.categories.map((c) => (
            <button
              key={c.code}
              type="button"
              className="portal-tile-button"
              onClick={() => onCategory(c.code)}
              data-testid={`portal-category-${c.code}`}
            >
              {CATEGORY_ICONS[c.code] ?? <AppstoreOutlined />}
              <span>{SERVICE_CATEGORY_LABELS[c.code][locale]}</span>
            </button>
          ))}
        </div>
      </>
    );
  const services = catalogue.categories.find((c) => c.code === category)?.services.filter((s) => s.active) ?? [];
  const hasEmergency = services.some((s) => s.emergency);
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Paragraph className="portal-section-title" style={{ margin: 0 }}>
          {CATEGORY_ICONS[category]} {SERVICE_CATEGORY_LABELS[category][locale]} · {t('portal.new.chooseService')}
        </Typography.Paragraph>
        <Button size="large" onClick={() => onCategory(null)} data-testid="portal-other-category">
          {t('portal.new.otherCategory')}
        </Button>
      </Flex>
      {hasEmergency && (
        <Alert
          type="error"
          showIcon
          icon={<AlertOutlined />}
          title={t('portal.new.emergencyHint')}
          style={{ marginBottom: 12 }}
          data-testid="portal-emergency-hint"
        />
      )}
      {services.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.new.noServices')} />
      ) : (
        <Flex vertical gap={10}>
          {services.map((s) => (
            <button
              key={s.id}
              type="button"
              className="portal-choice"
              aria-pressed={selected?.id === s.id}
              onClick={() => onService(s)}
              data-testid="portal-service"
              data-code={s.code}
            >
              <Flex vertical style={{ minWidth: 0 }}>
                <span>
                  <strong>{s.name}</strong> {s.emergency && <Tag color="red">{t('orders.emergency')}</Tag>}
                </span>
                {s.description && <Typography.Text type="secondary">{s.description}</Typography.Text>}
              </Flex>
              <RightOutlined />
            </button>
          ))}
        </Flex>
      )}
    </>
  );
}
