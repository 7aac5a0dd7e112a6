import type { AgreementDto, AgreementTerms, MediationCaseDto } from '@linli/contracts';
import { App, Button, Card, Descriptions, Flex, Form, Input, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useCaseActions } from './mediation-api';

export const TERM_KEYS = ['facts', 'matters', 'responsibility', 'agreed', 'performance'] as const;
const STATUS_COLOR = { draft: 'gold', signed: 'green', superseded: 'default' } as const;

/** 调解协议书: the versions; a draft can be edited, printed and marked signed; a signed one only superseded by a new draft. */
export function AgreementPanel({ c }: { c: MediationCaseDto }) {
  const { t } = useI18n();
  const draft = c.agreements.find((a) => a.status === 'draft');
  const canDraft = c.abilities.includes('draft_agreement') && !draft;
  const hasSigned = c.agreements.some((a) => a.status === 'signed');
  return (
    <Card size="small" title={t('mediation.agreements')}>
      <Flex vertical gap={12}>
        {[...c.agreements].reverse().map((a) => (
          <AgreementView key={a.id} caseId={c.id} a={a} />
        ))}
        {canDraft && <TermsForm caseId={c.id} label={hasSigned ? t('mediation.redraft') : t('mediation.draft')} />}
      </Flex>
    </Card>
  );
}

function AgreementView({ caseId, a }: { caseId: string; a: AgreementDto }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showError = useShowError();
  const { sign } = useCaseActions(caseId);
  const canEdit = a.abilities.includes('edit');
  const confirmSign = () =>
    modal.confirm({ title: t('mediation.sign'), content: t('mediation.signConfirm'), onOk: () => sign.mutateAsync(a.id).catch(showError) });
  return (
    <Card
      size="small"
      type="inner"
      data-testid="agreement"
      data-status={a.status}
      title={
        <Flex gap={8} align="center">
          {t('mediation.version', { n: a.version })}
          <Tag color={STATUS_COLOR[a.status]}>{t(`mediation.agreement.${a.status}`)}</Tag>
        </Flex>
      }
    >
      {canEdit ? (
        <TermsForm caseId={caseId} agreement={a} label={t('mediation.save')} />
      ) : (
        <Descriptions column={1} size="small">
          {TERM_KEYS.map((k) => (
            <Descriptions.Item key={k} label={t(`mediation.terms.${k}`)}>
              {a.terms[k]}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        <Link to={`/mediation/${caseId}/agreements/${a.id}/print`}>
          <Button data-testid="agreement-print">{t('mediation.print')}</Button>
        </Link>
        {canEdit && (
          <Button type="primary" onClick={confirmSign} loading={sign.isPending} data-testid="agreement-sign">
            {t('mediation.sign')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

function TermsForm({ caseId, agreement, label }: { caseId: string; agreement?: AgreementDto; label: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AgreementTerms>();
  const showError = useShowError(form);
  const { draft, update } = useCaseActions(caseId);
  const submit = (terms: AgreementTerms) =>
    agreement ? update.mutate({ agreementId: agreement.id, terms }, { onError: showError }) : draft.mutate(terms, { onError: showError });
  return (
    <Form form={form} layout="vertical" initialValues={agreement?.terms} onFinish={submit} data-testid="agreement-form">
      {TERM_KEYS.map((k) => (
        <Form.Item key={k} name={k} label={t(`mediation.terms.${k}`)} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid={`terms-${k}`} />
        </Form.Item>
      ))}
      <Button htmlType="submit" loading={draft.isPending || update.isPending} data-testid="agreement-save">
        {label}
      </Button>
    </Form>
  );
}
