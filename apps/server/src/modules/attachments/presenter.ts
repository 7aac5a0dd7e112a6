import type { AttachmentDto } from '@linli/contracts';

type AttachmentRow = { id: string; name: string; contentType: string; size: number };

/** The wire shape of a stored attachment; the content is served by GET /api/attachments/:id/content. */
export const presentAttachment = (row: AttachmentRow): AttachmentDto => ({
  id: row.id,
  name: row.name,
  contentType: row.contentType,
  size: row.size,
  url: `/api/attachments/${row.id}/content`,
});
