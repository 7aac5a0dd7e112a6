import { CARE_TAG_LABELS, CareTag, type ProgrammeDto } from '@linli/contracts';
import { Alert, Button, List, Skeleton, Space, Tag } from 'antd';
import { useI18n } from '../../app/i18n';
import { useAction } from '../../lib/use-form-save';
import { enrolResident, useUnserved } from './programmes-api';

export const tagLabel = (code: string, locale: 'zh-CN' | 'en') =>
  CareTag.safeParse(code).success ? CARE_TAG_LABELS[code as CareTag][locale] : code;

type Props = { programme: ProgrammeDto; onOpen: (householdId: string) => void };

/** Who in the user's grids meets the programme's conditions and is not enrolled; those who run it enrol with one tap. */
export function UnservedList({ programme, onOpen }: Props) {
  const { t, locale } = useI18n();
  const unserved = useUnserved(programme.id);
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
    <List
      className="programme-unserved"
      header={<strong>{t('programmes.unserved', { n: unserved.data.total })}</strong>}
      dataSource={unserved.data.items}
      locale={{ emptyText: t('programmes.allServed') }}
      renderItem={(r) => (
        <List.Item
          onClick={(e) => e.stopPropagation()}
          actions={
            programme.abilities.canEnrol
              ? [
                  <Button
                    key="enrol"
                    type="primary"
                    ghost
                    loading={enrol.isPending && enrol.variables === r.residentId}
                    onClick={() => enrol.mutate(r.residentId)}
                    data-testid="unserved-enrol"
                  >
                    {t('programmes.enrol')}
                  </Button>,
                ]
              : []
          }
        >
          <Button type="link" size="large" onClick={() => onOpen(r.householdId)}>
            {r.name}
          </Button>
          <Space wrap size={4}>
            {r.age !== null && <span>{t('programmes.years', { n: r.age })}</span>}
            {r.tags.map((c) => (
              <Tag key={c}>{tagLabel(c, locale)}</Tag>
            ))}
          </Space>
        </List.Item>
      )}
      data-testid="programme-unserved"
    />
  );
}
