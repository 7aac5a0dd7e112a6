import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Tenure, type HouseholdDto } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Form, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PageTitle } from '../../components/page-title';
import { useShowError } from '../../lib/form-errors';
import { areaKeys, getArea } from '../areas/area-api';
import { PastDateItem, today } from './action-modal';
import { CareTagSelect } from './care-tags';
import { FlatPicker } from './flat-picker';
import { HouseholdCard } from './household-card';
import { MemberFields } from './member-fields';
import { hasHead, NEW_MEMBER, toResidentInput, type MemberValues } from './member-values';
import { createHousehold, refreshAfterChange } from './registry-api';
import { tenureLabel } from './registry-labels';

type Values = { flatId?: string; tenure: Tenure; tags: string[]; movedInOn?: string; members: MemberValues[] };

/** 新建户: a flat (preselected from the building map with ?flatId=&buildingId=), the household and its members. */
export default function HouseholdCreatePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const showError = useShowError(form);
  const [created, setCreated] = useState<HouseholdDto | null>(null);
  const buildingId = params.get('buildingId');
  const building = useQuery({
    queryKey: areaKeys.detail(buildingId ?? ''),
    queryFn: () => getArea(buildingId ?? ''),
    enabled: Boolean(buildingId),
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      createHousehold({
        flatId: v.flatId ?? '',
        tenure: v.tenure,
        tags: v.tags,
        movedInOn: v.movedInOn,
        members: v.members.map(toResidentInput),
      }),
    onSuccess: async (h) => {
      message.success(t('create.created'));
      setCreated(h);
      await refreshAfterChange(queryClient);
    },
    onError: showError,
  });
  const need = { required: true, message: t('member.required') };
  const initial: Values = {
    flatId: params.get('flatId') ?? undefined,
    tenure: 'owner',
    tags: [],
    movedInOn: today(),
    members: [{ ...NEW_MEMBER, relation: '02' }],
  };
  const ready = !buildingId || !building.isPending;

  return (
    <>
      <PageTitle extra={<Button onClick={() => navigate('/registry')}>{t('create.back')}</Button>}>{t('create.title')}</PageTitle>
      {ready && (
        <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => create.mutate(v)} data-testid="household-create-form">
          <Card style={{ marginBottom: 16 }}>
            <Row gutter={12}>
              <Col xs={24} lg={12}>
                <Form.Item name="flatId" label={t('create.flat')} rules={[need]}>
                  <FlatPicker initialBuilding={building.data ? { id: building.data.id, name: building.data.name } : null} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={4}>
                <Form.Item name="tenure" label={t('create.tenure')}>
                  <Select options={Tenure.options.map((v) => ({ value: v, label: tenureLabel(t, v) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={8}>
                <PastDateItem name="movedInOn" label={t('create.movedInOn')} required={false} />
              </Col>
              <Col span={24}>
                <Form.Item name="tags" label={t('create.householdTags')}>
                  <CareTagSelect target="household" style={{ width: '100%' }} testId="household-tags" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Typography.Title level={4}>{t('create.members')}</Typography.Title>
          <Form.List
            name="members"
            rules={[
              {
                validator: (_, list?: MemberValues[]) =>
                  list && hasHead(list) ? Promise.resolve() : Promise.reject(new Error(t('create.needHead'))),
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={12}>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={t('create.member', { n: index + 1 })}
                    data-testid={`create-member-${index}`}
                    extra={
                      fields.length > 1 && (
                        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                          {t('create.removeMember')}
                        </Button>
                      )
                    }
                  >
                    <MemberFields form={form} prefix={[field.name]} absolute={['members', field.name]} testPrefix={`member-${index}`} />
                  </Card>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ ...NEW_MEMBER, relation: '99' })}
                  data-testid="create-add-member"
                >
                  {t('create.addMember')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Flex justify="end" gap={8} style={{ marginTop: 16 }}>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={create.isPending} size="large" data-testid="household-create-submit">
              {t('common.save')}
            </Button>
          </Flex>
        </Form>
      )}
      <HouseholdCard householdId={created?.id ?? null} open={created !== null} onClose={() => navigate('/registry')} />
    </>
  );
}
