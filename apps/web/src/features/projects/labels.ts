import { PROJECT_CATEGORY_LABELS, PROJECT_GRADE_LABELS, type ProjectCategory, type ProjectGrade } from '@linli/contracts';

export const categoryLabel = (c: ProjectCategory, locale: 'zh-CN' | 'en') => PROJECT_CATEGORY_LABELS[c][locale];
export const gradeLabel = (g: ProjectGrade, locale: 'zh-CN' | 'en') => PROJECT_GRADE_LABELS[g][locale];
export const GRADE_COLORS: Record<ProjectGrade, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

/** Fen to yuan with thousands separators. */
export const yuan = (cents: number) => (cents / 100).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
