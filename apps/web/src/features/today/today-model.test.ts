import { describe, expect, it } from 'vitest';
import { dueLabel } from './today-model';

describe('dueLabel', () => {
  const today = '2026-12-07';
  it('puts never visited before any count of days', () => {
    expect(dueLabel({ lastVisitOn: null, dueOn: '2026-11-01', daysOverdue: 36 }, today)).toEqual({ kind: 'never' });
  });

  it('counts days overdue, due today and due ahead', () => {
    expect(dueLabel({ lastVisitOn: '2026-11-20', dueOn: '2026-11-27', daysOverdue: 10 }, today)).toEqual({ kind: 'overdue', days: 10 });
    expect(dueLabel({ lastVisitOn: '2026-11-30', dueOn: '2026-12-07', daysOverdue: 0 }, today)).toEqual({ kind: 'today' });
    expect(dueLabel({ lastVisitOn: '2026-12-01', dueOn: '2026-12-08', daysOverdue: 0 }, today)).toEqual({ kind: 'soon', days: 1 });
  });
});
