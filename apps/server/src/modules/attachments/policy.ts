import type { Ability } from '@linli/contracts';
import { type Actor, hasAbility } from '../../core/actor.js';

const UPLOADERS: readonly Ability[] = ['portal.use', 'orders.place', 'orders.desk', 'orders.handle'];

/** Anyone who can place, take or handle an order may upload photos for it. */
export const canUploadAttachment = (actor: Actor): boolean => UPLOADERS.some((a) => hasAbility(actor, a));

/** Before it is used, an upload is visible to its owner only. */
export const canReadUnclaimed = (actor: Actor, row: { ownerId: string }): boolean => row.ownerId === actor.userId;
