import type { ImportDto, ImportReport } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { canCommit, filterProblems, percent, wizardStep } from './wizard-model';

const report = (errorCount: number, committed = false): ImportReport => ({
  ok: errorCount === 0,
  errors: Array.from({ length: errorCount }, (_, i) => ({ row: i + 2, column: '身份证号', problem: '校验位不正确' })),
  errorCount,
  warnings: [],
  households: { created: 1, updated: 0, unchanged: 0 },
  residents: { created: 2, updated: 0, unchanged: 0 },
  skippedRows: [],
  missingFlats: 0,
  committed,
});
const dto = (status: ImportDto['status'], r: ImportReport | null = null, canCommitAbility = true) => ({
  status,
  report: r,
  abilities: { canCommit: canCommitAbility },
});

describe('wizard model', () => {
  it('follows the import status through the four steps', () => {
    expect(wizardStep(undefined, false)).toBe(0);
    expect(wizardStep(dto('uploaded'), false)).toBe(1);
    expect(wizardStep(dto('checking'), false)).toBe(2);
    expect(wizardStep(dto('checked', report(0)), false)).toBe(2);
    expect(wizardStep(dto('checked', report(0)), true)).toBe(1);
    expect(wizardStep(dto('importing'), false)).toBe(3);
    expect(wizardStep(dto('done', report(0, true)), false)).toBe(3);
    expect(wizardStep(dto('failed', report(3, false)), false)).toBe(2);
  });

  it('commits a clean dry run, and a dirty one only when skipping bad rows', () => {
    expect(canCommit(dto('checked', report(0)), false)).toBe(true);
    expect(canCommit(dto('checked', report(2)), false)).toBe(false);
    expect(canCommit(dto('checked', report(2)), true)).toBe(true);
    expect(canCommit(dto('checking', report(0)), true)).toBe(false);
    expect(canCommit(dto('checked', report(0), false), true)).toBe(false);
  });

  it('filters problems by exact row, column or text', () => {
    const problems = [
      { row: 2, column: '身份证号', problem: '校验位不正确' },
      { row: 12, column: '房号', problem: 'Unknown flat' },
    ];
    expect(filterProblems(problems, '2')).toEqual([problems[0]]);
    expect(filterProblems(problems, '房号')).toEqual([problems[1]]);
    expect(filterProblems(problems, 'unknown')).toEqual([problems[1]]);
    expect(filterProblems(problems, ' ')).toEqual(problems);
  });

  it('turns progress into a percentage', () => {
    expect(percent({ done: 0, total: 0 })).toBe(0);
    expect(percent({ done: 1, total: 3 })).toBe(33);
    expect(percent({ done: 5, total: 3 })).toBe(100);
  });
});
