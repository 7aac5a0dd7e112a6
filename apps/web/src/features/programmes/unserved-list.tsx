import { CARE_TAG_LABELS, CareTag, type ProgrammeDto, type UnservedDto } from '@linli/contracts';
import { Alert, Button, Card, Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useAction } from '../../lib/use-form-save';
import { enrolResident, useUnserved } from './programmes-api';
import { UnservedOrderModal } from './unserved-order-modal';

export const tagLabel = (code: string, locale: 'zh-CN' | 'en') =>
  CareTag.safeParse(code).success ? CARE_TAG_LABELS[code as CareTag][locale] : code;

type Person = UnservedDto['items'][number];
type Props = { programme: ProgrammeDto; onOpen: (householdId: string) => void };

/**
 * Who in the user's grids meets the programme's conditions and is not enrolled, one card each (made for a phone): enrol
 * them with one tap, or turn their need into a service order, as each card's abilities allow.
 */
export function UnservedList({ programme, onOpen }: Props) {
  const { t, locale } = useI18n();
  const unserved = useUnserved(programme.id);
  const [ordering, setOrdering] = useState<Person | null>(null);
  const enrol = useAction(
    (residentId: string) => enrolResident(programme.id, { residentId }),
    async (e, { message, queryClient }) => {
      await queryClient.invalidateQueries({ queryKey: ['programmes'] });
      void message.success(t('programmes.enrolled.done', { name: e.residentName }));
    },
  );
  if (unserved.isPending) return <Skeleton active />;
  if (unserved.isError) return <Alert type="error" showIcon message={unserved.error.message} />;
  return (
    <div className="programme-unserved" onClick={(e) => e.stopPropagation()}>
      <Typography.Text strong>{t('programmes.unserved', { n: unserved.data.total })}</Typography.Text>
      <List
        dataSource={unserved.data.items}
        locale={{ emptyText: t('programmes.allServed') }}
        data-testid="programme-unserved"
        renderItem={(r) => (
          <List.Item className="unserved-item">
            <Card size="small" className="unserved-card" data-testid="unserved-card" data-resident={r.residentId}>
              <Flex justify="space-between" align="center" wrap gap={4}>
                <Button type="link" size="large" className="unserved-name" onClick={() => onOpen(r.householdId)}>
                  {r.name}
                </Button>
                {r.age !== null && <Typography.Text type="secondary">{t('programmes.years', { n: r.age })}</Typography.Text>}
              </Flex>
              <Space wrap size={4}>
                {r.tags.map((c) => (
                  <Tag key={c}>{tagLabel(c, locale)}</Tag>
                ))}
              </Space>
              {(r.abilities.canEnrol || r.abilities.canOrder) && (
                <Flex gap={8} className="unserved-actions">
                  {r.abilities.canEnrol && (
                    <Button
                      type="primary"
                      size="large"
                      loading={enrol.isPending && enrol.variables === r.residentId}
                      onClick={() => enrol.mutate(r.residentId)}
                      data-testid="unserved-enrol"
                    >
                      {t('programmes.enrol')}
                    </Button>
                  )}
                  {r.abilities.canOrder && (
                    <Button size="large" onClick={() => setOrdering(r)} data-testid="unserved-order">
                      {t('programmes.order')}
                    </Button>
                  )}
                </Flex>
              )}
            </Card>
          </List.Item>
        )}
      />
      {ordering && <UnservedOrderModal programme={programme} person={ordering} onClose={() => setOrdering(null)} />}
    </div>
  );
}
