import type { ConsultationDto } from '@linli/contracts';
import { maskName } from '../map/mask-name.js';
import type { ConsultationRow } from './repo.js';

/** A consultation with the resident's name masked like the registry's lists (张*). */
export function presentConsultation(r: ConsultationRow): ConsultationDto {
  return { ...r, residentName: r.residentName ? maskName(r.residentName) : null };
}
