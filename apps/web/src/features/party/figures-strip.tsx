import type { PartyOrgFigures } from '@linli/contracts';
import { Flex, Statistic } from 'antd';
import { useI18n } from '../../app/i18n';

/** The figures strip every organisation shows, over its whole subtree. */
export function FiguresStrip({ figures }: { figures: PartyOrgFigures }) {
  const { t } = useI18n();
  const items = [
    [t('party.fig.members'), figures.members],
    [t('party.fig.probationary'), figures.probationary],
    [t('party.fig.reporting'), figures.reporting],
    [t('party.fig.under46'), figures.under46],
    [t('party.fig.bachelor'), figures.bachelor],
    [t('party.fig.postgraduate'), figures.postgraduate],
    [t('party.fig.posts'), `${figures.postsHeld}/${figures.posts}`],
  ] as const;
  return (
    <Flex wrap gap={24} data-testid="party-figures-strip">
      {items.map(([label, value]) => (
        <Statistic key={label} title={label} value={value} />
      ))}
    </Flex>
  );
}
