import { type ErrorCode, ERROR_STATUS, type FieldIssue } from '@linli/contracts';

/** A typed domain error; the one error handler maps it to HTTP and the wire shape. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: { issues?: FieldIssue[]; retryAfterSeconds?: number; [k: string]: unknown } = {},
  ) {
    super(message ?? code);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = 'record') => new AppError('NOT_FOUND', undefined, { entity: what });
export const forbidden = () => new AppError('FORBIDDEN');
export const unauthenticated = () => new AppError('UNAUTHENTICATED');
export const conflict = (message: string, details: Record<string, unknown> = {}) => new AppError('CONFLICT', message, details);
export const invalid = (issues: FieldIssue[]) => new AppError('VALIDATION', undefined, { issues });

/** Postgres unique violation (23505) → 409 with the constraint name. */
export function isUniqueViolation(e: unknown): e is { constraint?: string } {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}
