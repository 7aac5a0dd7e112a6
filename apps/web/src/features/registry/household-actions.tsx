import { Tenure, type HouseholdDto, type ResidentDto } from '@linli/contracts';
import { Alert, Form, Input, Select } from 'antd';
import { useI18n } from '../../app/i18n';
import { ActionModal, PastDateItem, today } from './action-modal';
import { CareTagSelect } from './care-tags';
import { FlatPicker } from './flat-picker';
import { MemberFields } from './member-fields';
import { changedFields, fromResident, NEW_MEMBER, toResidentInput, type MemberValues } from './member-values';
import {
  addMember,
  moveOutHousehold,
  moveOutResident,
  recordDeath,
  transferHousehold,
  updateHousehold,
  updateResident,
} from './registry-api';
import { tenureLabel } from './registry-labels';

/** The changes the household card offers, each shown only when the DTO's abilities allow it. */
export type CardAction =
  | { kind: 'editHousehold' }
  | { kind: 'addMember' }
  | { kind: 'moveOutHousehold' }
  | { kind: 'transfer' }
  | { kind: 'editMember'; member: ResidentDto }
  | { kind: 'moveOutMember'; member: ResidentDto }
  | { kind: 'death'; member: ResidentDto };

type Dated = { date: string; reason?: string };
type Props = { household: HouseholdDto; action: CardAction; onClose: () => void };

/** One modal form per action; each calls exactly one endpoint and puts its field errors on the fields. */
export function HouseholdActionModal({ household, action, onClose }: Props) {
  const { t } = useI18n();
  const id = household.id;
  const communityId = household.address.communityId;
  const reason = (
    <Form.Item name="reason" label={t('action.reason')} rules={[{ max: 200 }]}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="action-reason" />
    </Form.Item>
  );
  const moveOut = (title: string, submit: (v: Dated) => Promise<unknown>, testId: string, warning?: string) => (
    <ActionModal<Dated> title={title} initialValues={{ date: today() }} submit={submit} onClose={onClose} danger testId={testId}>
      {() => (
        <>
          {warning && <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />}
          <PastDateItem name="date" label={t('action.date')} />
          {reason}
        </>
      )}
    </ActionModal>
  );
  switch (action.kind) {
    case 'editHousehold':
      return (
        <ActionModal<{ tenure: Tenure; tags: string[] }>
          title={t('action.editHousehold')}
          initialValues={{ tenure: household.tenure, tags: household.tags }}
          submit={(v) => updateHousehold(id, v)}
          onClose={onClose}
          testId="household-edit-form"
        >
          {() => (
            <>
              <Form.Item name="tenure" label={t('card.tenure')}>
                <Select options={Tenure.options.map((v) => ({ value: v, label: tenureLabel(t, v) }))} />
              </Form.Item>
              <Form.Item name="tags" label={t('card.tags')}>
                <CareTagSelect target="household" communityId={communityId} style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
        </ActionModal>
      );
    case 'addMember':
      return (
        <ActionModal<MemberValues & { movedInOn?: string }>
          title={t('action.addMemberTitle')}
          width={820}
          initialValues={{ ...NEW_MEMBER, relation: '99', movedInOn: today() }}
          submit={({ movedInOn, ...v }) => addMember(id, { ...toResidentInput(v), movedInOn })}
          onClose={onClose}
          testId="member-add-form"
        >
          {(form) => (
            <>
              <MemberFields form={form} communityId={communityId} />
              <PastDateItem name="movedInOn" label={t('create.movedInOn')} required={false} />
            </>
          )}
        </ActionModal>
      );
    case 'editMember': {
      const before = fromResident(action.member);
      return (
        <ActionModal<MemberValues>
          title={t('action.editMemberTitle', { name: action.member.name })}
          width={820}
          initialValues={before}
          submit={(v) => updateResident(action.member.id, changedFields(before, v))}
          onClose={onClose}
          testId="member-edit-form"
        >
          {(form) => (
            <MemberFields form={form} communityId={communityId} masked={{ idNumber: action.member.idNumber, phone: action.member.phone }} />
          )}
        </ActionModal>
      );
    }
    case 'moveOutMember':
      return moveOut(
        t('action.moveOutTitle', { name: action.member.name }),
        (v) => moveOutResident(action.member.id, v),
        'member-move-out-form',
      );
    case 'moveOutHousehold':
      return moveOut(
        t('action.moveOutHouseholdTitle'),
        (v) => moveOutHousehold(id, v),
        'household-move-out-form',
        t('action.moveOutHouseholdWarn'),
      );
    case 'transfer': {
      const { buildingId, buildingName } = household.address;
      return (
        <ActionModal<{ flatId: string; date: string }>
          title={t('action.transferTitle')}
          initialValues={{ date: today() }}
          submit={(v) => transferHousehold(id, v)}
          onClose={onClose}
          testId="household-transfer-form"
        >
          {() => (
            <>
              <Form.Item name="flatId" label={t('action.newFlat')} rules={[{ required: true, message: t('member.required') }]}>
                <FlatPicker initialBuilding={buildingId && buildingName ? { id: buildingId, name: buildingName } : null} />
              </Form.Item>
              <PastDateItem name="date" label={t('action.date')} />
            </>
          )}
        </ActionModal>
      );
    }
    case 'death':
      return (
        <ActionModal<{ date: string; note?: string }>
          title={t('action.deathTitle', { name: action.member.name })}
          initialValues={{ date: today() }}
          submit={(v) => recordDeath(action.member.id, v)}
          onClose={onClose}
          danger
          testId="member-death-form"
        >
          {() => (
            <>
              <PastDateItem name="date" label={t('action.date')} />
              <Form.Item name="note" label={t('action.deathNote')} rules={[{ max: 200 }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
            </>
          )}
        </ActionModal>
      );
  }
}
