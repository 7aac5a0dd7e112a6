import type { CreateOpen311KeyInput, CreatedOpen311Key, Open311KeyDto, Open311KeyList } from '@linli/contracts';
import { hasAbility } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { conflict, forbidden, notFound } from '../../core/errors.js';
import { findNode } from '../areas/repo.js';
import { apiKeyPrefix, hashApiKey, newApiKey } from './key-hash.js';
import { canManageKeys } from './keys-policy.js';
import { type KeyWithCommunity, findKey, insertKey, listKeysInScope, markKeyRevoked } from './keys-repo.js';

function requireManage(ctx: AuthedCtx): void {
  if (!hasAbility(ctx.actor, 'integrations.manage')) throw forbidden();
}

function presentKey(ctx: AuthedCtx, row: KeyWithCommunity): Open311KeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    community: { id: row.communityId, name: row.communityName },
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    abilities: { canRevoke: !row.revokedAt && canManageKeys(ctx.actor, row) },
  };
}

/** The Open311 keys of the communities the actor manages integrations for. */
export async function listOpen311Keys({ ctx }: { ctx: AuthedCtx }): Promise<Open311KeyList> {
  requireManage(ctx);
  const rows = await listKeysInScope(ctx.db, ctx.actor);
  return { items: rows.map((r) => presentKey(ctx, r)) };
}

/** Issues a key for a community; only its hash is kept, so the answer is the one time the key is shown. */
export async function createOpen311Key({ ctx, input }: { ctx: AuthedCtx; input: CreateOpen311KeyInput }): Promise<CreatedOpen311Key> {
  requireManage(ctx);
  const key = newApiKey();
  const id = await ctx.db.transaction(async (tx) => {
    const community = await findNode(tx, input.communityId);
    if (!community || community.kind !== 'community' || !canManageKeys(ctx.actor, community)) throw notFound('community');
    const keyId = await insertKey(tx, {
      name: input.name,
      keyHash: hashApiKey(key),
      prefix: apiKeyPrefix(key),
      districtId: community.districtId!,
      streetId: community.streetId!,
      communityId: community.id,
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'open311_key.create',
      entityType: 'open311_key',
      entityId: keyId,
      streetId: community.streetId,
      communityId: community.id,
      details: { name: input.name, prefix: apiKeyPrefix(key) },
    });
    return keyId;
  });
  return { ...presentKey(ctx, (await findKey(ctx.db, id))!), key };
}

/** Revokes a key at once: later calls with it answer 403. */
export async function revokeOpen311Key({ ctx, input }: { ctx: AuthedCtx; input: { id: string } }): Promise<Open311KeyDto> {
  requireManage(ctx);
  await ctx.db.transaction(async (tx) => {
    const row = await findKey(tx, input.id, true);
    if (!row || !canManageKeys(ctx.actor, row)) throw notFound('open311_key');
    if (row.revokedAt) throw conflict(ctx.locale === 'en' ? 'The key is already revoked' : '该密钥已停用', { reason: 'revoked' });
    await markKeyRevoked(tx, row.id);
    await writeAudit(tx, ctx, {
      action: 'open311_key.revoke',
      entityType: 'open311_key',
      entityId: row.id,
      streetId: row.streetId,
      communityId: row.communityId,
      details: { prefix: row.prefix },
    });
  });
  return presentKey(ctx, (await findKey(ctx.db, input.id))!);
}
