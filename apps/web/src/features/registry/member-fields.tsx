import { ETHNICITY_CODES, POLITICAL_CODES, RELATION_CODES, ResidentType, SEX_CODES, type IdCardProblem } from '@linli/contracts';
import { Col, DatePicker, Form, Input, Row, Select, Switch, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useI18n, type MessageKey } from '../../app/i18n';
import { isoDateProps } from './action-modal';
import { CareTagSelect } from './care-tags';
import { checkIdFinal, checkIdTyping, derivedFields, type IdCheck } from './id-number';
import { codeOptions, residentTypeLabel } from './registry-labels';

type Path = (string | number)[];
type Props = {
  form: FormInstance;
  /** the field names' prefix: inside a Form.List the list-relative one, e.g. [0] */
  prefix?: Path;
  /** the absolute path of the member, e.g. ['members', 0], when it differs from `prefix` */
  absolute?: Path;
  communityId?: string;
  /** on an edit, the masked ID and phone on file: an empty field keeps them */
  masked?: { idNumber: string | null; phone: string | null };
  testPrefix?: string;
};

const PROBLEM_KEYS: Record<IdCardProblem, MessageKey> = {
  format: 'member.id.format',
  checksum: 'member.id.checksum',
  birthDate: 'member.id.birthDate',
};

/** The fields of one resident; the ID number fills in date of birth and sex and shows a bad check digit at once. */
export function MemberFields({ form, prefix = [], absolute = prefix, communityId, masked, testPrefix = 'member' }: Props) {
  const { t, locale } = useI18n();
  const at = (name: string): Path => [...prefix, name];
  const need = { required: true, message: t('member.required') };
  // The on-blur rule leaves what the typing rule already says to it, so a problem shows once.
  const idRule = (check: (raw: string) => IdCheck, skipTyping: boolean) => ({
    validator: (_: unknown, value?: string) => {
      if (skipTyping && checkIdTyping(value ?? '').kind === 'problem') return Promise.resolve();
      const c = check(value ?? '');
      return c.kind === 'problem' ? Promise.reject(new Error(t(PROBLEM_KEYS[c.problem]))) : Promise.resolve();
    },
  });
  const fill = (c: IdCheck) => {
    const d = derivedFields(c);
    if (!d) return;
    form.setFieldValue([...absolute, 'birthDate'], d.birthDate);
    form.setFieldValue([...absolute, 'sex'], d.sex);
  };
  const keep = (value: string | null) => (value ? t('member.keepMasked', { value }) : undefined);
  const col = { xs: 24, sm: 12, lg: 8 };

  return (
    <Row gutter={12}>
      <Col {...col}>
        <Form.Item name={at('name')} label={t('member.name')} rules={[need, { max: 40 }]}>
          <Input autoComplete="off" data-testid={`${testPrefix}-name`} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name={at('idNumber')}
          label={t('member.idNumber')}
          extra={keep(masked?.idNumber ?? null) ?? t('member.idHint')}
          validateTrigger={['onChange', 'onBlur']}
          rules={[
            { ...idRule(checkIdTyping, false), validateTrigger: 'onChange' },
            { ...idRule(checkIdFinal, true), validateTrigger: 'onBlur' },
          ]}
        >
          <Input
            autoComplete="off"
            maxLength={18}
            inputMode="text"
            onChange={(e) => fill(checkIdTyping(e.target.value))}
            onBlur={(e) => fill(checkIdFinal(e.target.value))}
            data-testid={`${testPrefix}-id-number`}
          />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={at('relation')} label={t('member.relation')} rules={[need]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={codeOptions(RELATION_CODES, locale)}
            data-testid={`${testPrefix}-relation`}
          />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={at('sex')} label={t('member.sex')}>
          <Select options={codeOptions(SEX_CODES, locale)} data-testid={`${testPrefix}-sex`} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={at('birthDate')} label={t('member.birthDate')} {...isoDateProps}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid={`${testPrefix}-birth-date`} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={at('residentType')} label={t('member.residentType')}>
          <Select options={ResidentType.options.map((v) => ({ value: v, label: residentTypeLabel(t, v) }))} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={at('political')} label={t('member.political')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={codeOptions(POLITICAL_CODES, locale)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={at('ethnicity')} label={t('member.ethnicity')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={codeOptions(ETHNICITY_CODES, locale)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name={at('phone')}
          label={t('member.phone')}
          extra={keep(masked?.phone ?? null)}
          rules={[{ pattern: /^\+?[\d\s-]{5,20}$/, message: t('member.phoneFormat') }]}
        >
          <Input inputMode="tel" autoComplete="off" data-testid={`${testPrefix}-phone`} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={16}>
        <Form.Item name={at('tags')} label={t('member.tags')}>
          <CareTagSelect target="person" communityId={communityId} style={{ width: '100%' }} testId={`${testPrefix}-tags`} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={at('volunteer')} label={t('member.volunteer')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={at('note')} label={t('member.note')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
