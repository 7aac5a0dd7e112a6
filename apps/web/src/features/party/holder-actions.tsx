import type { PostDto } from '@linli/contracts';
import { Button, Flex } from 'antd';
import { useI18n } from '../../app/i18n';
import { useShowError } from '../../lib/form-errors';
import { useClaimPost, useMoveHolder } from './party-api';

/** The buttons a post offers the viewer: claim it, or the holding's moves (confirm, reject, withdraw, end). */
export function HolderActions({ post }: { post: PostDto }) {
  const { t } = useI18n();
  const move = useMoveHolder();
  const claim = useClaimPost();
  const showError = useShowError();
  return (
    <Flex gap={8} wrap>
      {post.abilities.canClaim && (
        <Button
          size="small"
          type="primary"
          loading={claim.isPending}
          onClick={() => claim.mutate(post.id, { onError: showError })}
          data-testid="post-claim"
        >
          {t('posts.claim')}
        </Button>
      )}
      {post.holder?.events.map((event) => (
        <Button
          key={event}
          size="small"
          danger={event === 'reject' || event === 'end'}
          loading={move.isPending}
          onClick={() => move.mutate({ holderId: post.holder!.id, event }, { onError: showError })}
          data-testid={`post-${event}`}
        >
          {t(`posts.event.${event}`)}
        </Button>
      ))}
    </Flex>
  );
}
