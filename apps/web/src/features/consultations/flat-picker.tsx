import type { VoterPartDto } from '@linli/contracts';
import { Select } from 'antd';
import { useI18n } from '../../app/i18n';

type Props = {
  parts: VoterPartDto[];
  value?: string;
  onChange?: (flatId: string) => void;
  size?: 'large';
  testId: string;
};

/** Owners' votes: the flats a multi-flat owner's household owns here; those already voted cannot be chosen again. */
export function FlatPicker({ parts, value, onChange, size, testId }: Props) {
  const { t } = useI18n();
  const options = parts.map((p) => {
    const label = t('consult.flatLabel', { building: p.buildingName, unit: p.unitNo, flat: p.flatNo, area: p.areaM2 });
    return { value: p.flatId, label: p.voted ? `${label} · ${t('consult.flatVoted')}` : label, disabled: p.voted };
  });
  return <Select value={value} onChange={onChange} options={options} size={size} style={{ width: '100%' }} data-testid={testId} />;
}
