import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { AreaSelect } from '../areas/area-select';

/** The community a party page shows, kept in the address (`?communityId=`); the server picks the user's own when absent. */
export function useCommunityParam(): [string | undefined, (id: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const id = params.get('communityId') ?? undefined;
  return [id, (next) => setParams(next ? { communityId: next } : {}, { replace: true })];
}

export function CommunityPicker({ value, onChange }: { value?: string; onChange: (id: string | undefined) => void }) {
  const { t } = useI18n();
  return (
    <AreaSelect
      value={value}
      onChange={onChange}
      kinds={['community']}
      placeholder={t('party.chooseCommunity')}
      testId="party-community"
      style={{ width: 240 }}
    />
  );
}
