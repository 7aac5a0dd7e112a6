import { z } from 'zod';
import { OrderEvent } from './order-machine.js';

/**
 * Every action the audit log records: `<entity>.<verb>`, entity singular, verb in the present tense.
 * A closed list, so names cannot drift; order moves are `order.<event>`.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.password_change',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.activate',
  'user.password_reset',
  'user.email',
  'area.create',
  'area.update',
  'area.delete',
  'area.layout',
  'org.create',
  'org.update',
  'org.delete',
  'care_tag.update',
  'map.arrange',
  'registry.household.create',
  'registry.household.update',
  'registry.household.move_out',
  'registry.household.transfer',
  'registry.resident.move_in',
  'registry.resident.update',
  'registry.resident.move_out',
  'registry.resident.death',
  'registry.reveal',
  'registry.export',
  'registry.import',
  'registry.import_upload',
  'visit.create',
  'catalogue.create',
  'catalogue.update',
  'order.place',
  'order.comment',
  'order_settings.update',
  'attachment.upload',
  'open311_key.create',
  'open311_key.revoke',
  'webhook.create',
  'webhook.update',
  'webhook.delete',
  'webhook.test',
  ...OrderEvent.options.map((e) => `order.${e}` as const),
] as const;

export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;
