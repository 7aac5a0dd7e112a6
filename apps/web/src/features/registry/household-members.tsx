import { EditOutlined, EyeOutlined, MoreOutlined } from '@ant-design/icons';
import { codeLabel, type HouseholdDto, type ResidentDto } from '@linli/contracts';
import { Button, Dropdown, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { CareTagList } from './care-tags';
import type { CardAction } from './household-actions';
import { isHead, isPartyMember, RESIDENT_TYPE_COLORS, residentTypeLabel, statusLabel } from './registry-labels';

type Props = {
  household: HouseholdDto;
  onAction: (action: CardAction) => void;
  onReveal: (member: ResidentDto) => void;
};

/** The members, head first: relation, name, sex, age, masked ID and phone, type, tags, party and volunteer marks. */
export function HouseholdMembers({ household, onAction, onReveal }: Props) {
  const { t, locale } = useI18n();
  // Active members first, the head on top; those moved out or deceased stay visible below, greyed.
  const rank = (m: ResidentDto) => (m.status === 'active' ? 0 : 2) + (isHead(m.relation) ? 0 : 1);
  const members = [...household.members].sort((a, b) => rank(a) - rank(b));
  if (members.length === 0) return <Empty description={t('card.noMembers')} />;
  return (
    <Flex vertical gap={12}>
      {members.map((m, index) => {
        const canMove = household.abilities.canMove && m.abilities.canEdit && m.status === 'active';
        const more = [
          ...(canMove
            ? [{ key: 'moveOut', label: t('action.moveOutMember'), onClick: () => onAction({ kind: 'moveOutMember', member: m }) }]
            : []),
          ...(m.abilities.canEdit && m.status === 'active'
            ? [{ key: 'death', label: t('action.death'), danger: true, onClick: () => onAction({ kind: 'death', member: m }) }]
            : []),
        ];
        return (
          <div key={m.id} className={m.status === 'active' ? 'member-row' : 'member-row inactive'} data-testid={`member-row-${index}`}>
            <Flex justify="space-between" align="start" gap={8} wrap>
              <Flex align="center" gap={6} wrap>
                <Typography.Text strong className="member-name">
                  {m.name}
                </Typography.Text>
                <Tag color={isHead(m.relation) ? 'red' : undefined}>{codeLabel('relation', m.relation, locale)}</Tag>
                {isPartyMember(m.political) && (
                  <Tag color="#c8102e" data-testid="party-mark">
                    {t('card.party')}
                  </Tag>
                )}
                {m.volunteer && (
                  <Tag color="green" data-testid="volunteer-mark">
                    {t('card.volunteer')}
                  </Tag>
                )}
                {m.status !== 'active' && <Tag>{statusLabel(t, m.status)}</Tag>}
              </Flex>
              <Space size={4} wrap>
                {m.abilities.canReveal && (m.idNumber || m.phone) && (
                  <Button size="small" icon={<EyeOutlined />} onClick={() => onReveal(m)} data-testid="reveal-button">
                    {t('reveal.button')}
                  </Button>
                )}
                {m.abilities.canEdit && (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => onAction({ kind: 'editMember', member: m })}
                    data-testid="member-edit"
                  >
                    {t('action.editMember')}
                  </Button>
                )}
                {more.length > 0 && (
                  <Dropdown menu={{ items: more }} trigger={['click']}>
                    <Button size="small" icon={<MoreOutlined />} aria-label={t('card.more')} data-testid="member-more" />
                  </Dropdown>
                )}
              </Space>
            </Flex>
            <div className="member-facts">
              <span>{codeLabel('sex', m.sex, locale)}</span>
              {m.age !== null && <span>{t('card.ageYears', { n: m.age })}</span>}
              <Tag color={RESIDENT_TYPE_COLORS[m.residentType]}>{residentTypeLabel(t, m.residentType)}</Tag>
              {m.political !== '13' && !isPartyMember(m.political) && <span>{codeLabel('political', m.political, locale)}</span>}
            </div>
            <dl className="member-pii">
              <dt>{t('member.idNumber')}</dt>
              <dd data-testid="member-id-masked">{m.idNumber ?? '—'}</dd>
              <dt>{t('member.phone')}</dt>
              <dd data-testid="member-phone-masked">{m.phone ?? '—'}</dd>
            </dl>
            <CareTagList codes={m.tags} communityId={household.address.communityId} />
            {m.note && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                {m.note}
              </Typography.Paragraph>
            )}
          </div>
        );
      })}
    </Flex>
  );
}
