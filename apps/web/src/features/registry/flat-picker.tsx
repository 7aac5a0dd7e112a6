import { useQuery } from '@tanstack/react-query';
import { Flex, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { areaKeys, getLayout } from '../areas/area-api';
import { AreaSelect } from '../areas/area-select';

type Props = {
  value?: string;
  onChange?: (flatId: string | undefined) => void;
  /** the building to start in (e.g. the household's own, or the one the building map came from) */
  initialBuilding?: { id: string; name: string } | null;
  testId?: string;
};

/** Picks a flat: a building (searched by name or code), then one of its flats, occupied ones marked. */
export function FlatPicker({ value, onChange, initialBuilding, testId = 'flat-picker' }: Props) {
  const { t } = useI18n();
  const [buildingId, setBuildingId] = useState(initialBuilding?.id);
  const layout = useQuery({
    queryKey: areaKeys.layout(buildingId ?? ''),
    queryFn: () => getLayout(buildingId ?? ''),
    enabled: Boolean(buildingId),
  });
  const flats = [...(layout.data?.flats ?? [])].sort(
    (a, b) => a.unitNo - b.unitNo || a.floorNo - b.floorNo || a.flatNo.localeCompare(b.flatNo),
  );
  // A flat handed over without its building (e.g. a bare ?flatId=) is kept and shown as given.
  const given = value && !buildingId ? [{ value, label: t('create.flatGiven') }] : [];
  const knownValue = !value || given.length > 0 || flats.some((f) => f.id === value);
  return (
    <Flex gap={8} wrap>
      <AreaSelect
        kinds={['building']}
        known={initialBuilding ? [{ ...initialBuilding, kind: 'building' }] : []}
        value={buildingId}
        onChange={(id) => {
          setBuildingId(id);
          onChange?.(undefined);
        }}
        placeholder={t('create.building')}
        style={{ flex: '1 1 200px' }}
        testId={`${testId}-building`}
      />
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        value={knownValue ? value : undefined}
        placeholder={buildingId ? t('create.pickFlat') : t('create.pickBuilding')}
        disabled={!buildingId && given.length === 0}
        loading={layout.isFetching}
        onChange={(id: string) => onChange?.(id)}
        options={[
          ...given,
          ...flats.map((f) => {
            const label = t('create.flatLabel', { unit: f.unitNo, flat: f.flatNo });
            return { value: f.id, label: f.householdCount > 0 ? `${label} · ${t('create.occupied')}` : label };
          }),
        ]}
        style={{ flex: '1 1 160px', minWidth: 160 }}
        data-testid={`${testId}-flat`}
      />
    </Flex>
  );
}
