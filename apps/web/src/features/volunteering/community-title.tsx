import type { ReactNode } from 'react';
import { PageTitle } from '../../components/page-title';
import { CommunityPicker } from '../party/community-picker';

/** A page title with the community picker and the page's own action beside it. */
export function CommunityTitle(props: { title: string; communityId?: string; onCommunity: (id?: string) => void; action?: ReactNode }) {
  return (
    <PageTitle
      extra={
        <>
          <CommunityPicker value={props.communityId} onChange={props.onCommunity} />
          {props.action}
        </>
      }
    >
      {props.title}
    </PageTitle>
  );
}
