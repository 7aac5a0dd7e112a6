import { Checkbox, Form, Input, Select } from 'antd';
import { useI18n } from '../../app/i18n';

const SKILLS = ['理发', '维修', '医护', '文艺', '法律', '陪伴'];

/** What a volunteer record keeps beyond the minimum, and the consent it needs (used by the portal and the console). */
export function VolunteerExtraFields({ size }: { size?: 'large' }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="skills" label={t('vol.skills')}>
        <Select mode="tags" size={size} options={SKILLS.map((s) => ({ value: s, label: s }))} />
      </Form.Item>
      <Form.Item name="availability" label={t('vol.availability')}>
        <Input size={size} />
      </Form.Item>
      <Form.Item name="consentExtra" valuePropName="checked">
        <Checkbox data-testid="volunteer-consent">{t('vol.consent')}</Checkbox>
      </Form.Item>
    </>
  );
}
