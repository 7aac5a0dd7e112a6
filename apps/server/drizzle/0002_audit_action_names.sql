-- Audit action names are a closed list now (contracts/audit-actions.ts): rename the ones that drifted.
UPDATE "audit_log" SET "action" = CASE "action"
  WHEN 'user.created' THEN 'user.create'
  WHEN 'user.updated' THEN 'user.update'
  WHEN 'user.deactivated' THEN 'user.deactivate'
  WHEN 'user.activated' THEN 'user.activate'
  WHEN 'auth.password_changed' THEN 'auth.password_change'
  WHEN 'orders.comment' THEN 'order.comment'
  WHEN 'orders.settings.update' THEN 'order_settings.update'
  WHEN 'attachments.upload' THEN 'attachment.upload'
  ELSE "action" END
WHERE "action" IN ('user.created', 'user.updated', 'user.deactivated', 'user.activated', 'auth.password_changed',
  'orders.comment', 'orders.settings.update', 'attachments.upload');
