import { Flex, Input, Segmented } from 'antd';
import { useI18n } from '../../app/i18n';
import { PERIOD_PRESETS, type PeriodPreset } from './period';

/** The period presets and the area code of a report page (not printed). */
export function ReportToolbar({
  area,
  preset,
  onChange,
  children,
}: {
  area: string | null;
  preset: PeriodPreset;
  onChange: (next: { area?: string; preset?: PeriodPreset }) => void;
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Flex wrap gap={12} align="center" className="no-print">
      <Segmented<PeriodPreset>
        value={preset}
        onChange={(p) => onChange({ preset: p })}
        options={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`reports.preset.${p}`) }))}
        data-testid="report-period"
      />
      <Input.Search
        key={area ?? ''}
        defaultValue={area ?? ''}
        placeholder={t('reports.areaCode')}
        aria-label={t('reports.areaCode')}
        onSearch={(v) => /^\d{6}(\d{3}){0,3}$/.test(v.trim()) && onChange({ area: v.trim() })}
        style={{ width: 220 }}
        enterButton
      />
      {children}
    </Flex>
  );
}
