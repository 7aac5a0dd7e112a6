import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import type { OrderDto, OrderRating } from '@linli/contracts';
import { App, Button, Card, Flex, Input, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { translate, useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useMoveOrder } from '../orders/order-api';

const FACES: { rating: OrderRating; icon: ReactNode; color: string }[] = [
  { rating: 'satisfied', icon: <SmileOutlined />, color: '#389e0d' },
  { rating: 'basic', icon: <MehOutlined />, color: '#d48806' },
  { rating: 'unsatisfied', icon: <FrownOutlined />, color: '#cf1322' },
];

const REASONS = ['slow', 'notFixed', 'attitude', 'mess', 'noContact', 'fee'] as const;
type Reason = (typeof REASONS)[number];

/** 满意 / 基本满意 / 不满意 as three big faces; below full satisfaction, reason chips; an optional comment. */
export function RatePanel({ order }: { order: OrderDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const move = useMoveOrder(order.id);
  const [rating, setRating] = useState<OrderRating | null>(null);
  const [reasons, setReasons] = useState<Reason[]>([]);
  const [comment, setComment] = useState('');
  const toggle = (r: Reason) => setReasons(reasons.includes(r) ? reasons.filter((x) => x !== r) : [...reasons, r]);
  const handleSubmit = () => {
    if (!rating) {
      void message.warning(t('portal.order.rateChoose'));
      return;
    }
    move.mutate(
      {
        event: 'confirm',
        version: order.version,
        rating,
        // Stored as the Chinese words so staff and the figures read the same reasons whatever the resident's language.
        reasons: rating === 'satisfied' ? [] : reasons.map((r) => translate('zh-CN', `portal.order.reason.${r}`)),
        comment: comment.trim() || undefined,
      },
      { onSuccess: () => void message.success(t('portal.order.rated')), onError: showError },
    );
  };
  return (
    <Card title={t('portal.order.rateTitle')} size="small" data-testid="portal-rate">
      <div className="portal-faces">
        {FACES.map((f) => (
          <button
            key={f.rating}
            type="button"
            className="portal-choice"
            aria-pressed={rating === f.rating}
            onClick={() => setRating(f.rating)}
            style={{ color: f.color }}
            data-testid={`portal-rate-${f.rating}`}
          >
            {f.icon}
            <span style={{ color: 'rgba(0,0,0,0.88)' }}>{t(`orders.rating.${f.rating}`)}</span>
          </button>
        ))}
      </div>
      {rating && rating !== 'satisfied' && (
        <>
          <Typography.Paragraph style={{ margin: '16px 0 8px' }}>{t('portal.order.rateReasons')}</Typography.Paragraph>
          <Flex wrap gap={8}>
            {REASONS.map((r) => (
              <Tag.CheckableTag
                key={r}
                className="portal-chip"
                checked={reasons.includes(r)}
                onChange={() => toggle(r)}
                data-testid={`portal-reason-${r}`}
              >
                {t(`portal.order.reason.${r}`)}
              </Tag.CheckableTag>
            ))}
          </Flex>
        </>
      )}
      <Typography.Paragraph style={{ margin: '16px 0 8px' }}>{t('portal.order.rateComment')}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        data-testid="portal-rate-comment"
      />
      <Button
        type="primary"
        size="large"
        block
        loading={move.isPending}
        onClick={handleSubmit}
        style={{ marginTop: 16 }}
        data-testid="portal-rate-submit"
      >
        {t('portal.order.rateSubmit')}
      </Button>
    </Card>
  );
}
