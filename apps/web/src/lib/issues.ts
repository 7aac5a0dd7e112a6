import type { FieldIssue } from '@linli/contracts';

export type FieldPath = (string | number)[];
export type FieldErrors = { name: FieldPath; errors: string[] }[];

/** Server issue paths are dot-joined ("assignments.0.areaId"); antd forms want arrays with numeric list indexes. */
export function toFieldPath(path: string): FieldPath {
  return path
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Groups issues by field; issues without a path are returned apart, to be shown as a general message. */
export function issuesToFields(issues: FieldIssue[]): { fields: FieldErrors; general: string[] } {
  const byPath = new Map<string, string[]>();
  const general: string[] = [];
  for (const issue of issues) {
    if (!issue.path) {
      general.push(issue.message);
      continue;
    }
    byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue.message]);
  }
  return { fields: [...byPath].map(([path, errors]) => ({ name: toFieldPath(path), errors })), general };
}
