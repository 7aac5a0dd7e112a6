import { OrderRating } from '@linli/contracts';
import { Flex, Form, Input, Radio, Tag } from 'antd';
import { useI18n } from '../../app/i18n';

const GOOD_CHIPS = ['orders.chip.onTime', 'orders.chip.thorough', 'orders.chip.friendly'] as const;
const BAD_CHIPS = [
  'orders.chip.slow',
  'orders.chip.notSolved',
  'orders.chip.rude',
  'orders.chip.poorQuality',
  'orders.chip.noContact',
] as const;

/** Reason chips as a form control: a set of words the resident picks, stored as text in their language. */
function ReasonChips({ value = [], onChange, rating }: { value?: string[]; onChange?: (v: string[]) => void; rating?: OrderRating }) {
  const { t } = useI18n();
  const chips = (rating === 'satisfied' ? GOOD_CHIPS : rating === 'unsatisfied' ? BAD_CHIPS : [...GOOD_CHIPS, ...BAD_CHIPS]).map((k) =>
    t(k),
  );
  return (
    <Flex wrap gap={6} data-testid="rating-reasons">
      {chips.map((word) => (
        <Tag.CheckableTag
          key={word}
          checked={value.includes(word)}
          onChange={(on) => onChange?.(on ? [...value, word] : value.filter((w) => w !== word))}
          style={{ border: '1px solid #d9d9d9', padding: '2px 10px' }}
        >
          {word}
        </Tag.CheckableTag>
      ))}
    </Flex>
  );
}

/** Confirm and rate (满意 / 基本满意 / 不满意) with reason chips and a free comment. */
export function ConfirmFields({ commentLabel }: { commentLabel: string }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const rating = Form.useWatch<OrderRating | undefined>('rating', form);
  return (
    <>
      <Form.Item name="rating" label={t('orders.move.rating')} rules={[{ required: true, message: t('orders.move.ratingRequired') }]}>
        <Radio.Group optionType="button" buttonStyle="solid" onChange={() => form.setFieldValue('reasons', [])} data-testid="rating">
          {OrderRating.options.map((r) => (
            <Radio.Button key={r} value={r}>
              {t(`orders.rating.${r}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="reasons" label={t('orders.move.reasons')}>
        <ReasonChips rating={rating} />
      </Form.Item>
      <Form.Item name="comment" label={commentLabel}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </>
  );
}
