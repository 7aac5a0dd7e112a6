import { sniffImageType } from '../attachments/image-type.js';

/** Evidence files: PDFs and the images attachments accept, at most 10 MiB, recognised by their first bytes. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export function sniffEvidenceType(data: Buffer): string | null {
  if (data.length >= 5 && data.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return sniffImageType(data);
}
