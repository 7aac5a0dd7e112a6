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

function pgCode(e: unknown): string | undefined {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code ?? err?.cause?.code;
}

/** Postgres unique violation (23505) → 409 with the constraint name. */
export function isUniqueViolation(e: unknown): e is { constraint?: string } {
  return pgCode(e) === '23505';
}

/** Postgres foreign-key violation (23503): another table still refers to the row. */
export function isForeignKeyViolation(e: unknown): boolean {
  return pgCode(e) === '23503';
}
