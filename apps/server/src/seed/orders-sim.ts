import {
  type OrderOutcome,
  type OrderRating,
  type OrderStage,
  type OrderStatus,
  STAGE_DUE_FIELD,
  STAGE_OF,
  type TimeLimits,
  type TimelineKind,
  escalationFor,
  remindAt,
  stageDueAt,
} from '@linli/contracts';
import type { orderEvents, orders } from '../db/schema/index.js';

export type OrderInsert = typeof orders.$inferInsert;
export type EventInsert = typeof orderEvents.$inferInsert;
export type SeedActor = { id: string | null; name: string };

const MINUTE = 60_000;

type RunningStage = { stage: OrderStage; start: Date; due: Date };

/**
 * Replays one order's life the way the order verbs and the deadline job would record it: status, stage clock,
 * on-time flags and timeline rows. A move dated after `now` is not made, so the order stays where `now` finds it.
 */
export class OrderSim {
  readonly events: EventInsert[] = [];
  /** true once a move fell after `now`: later moves are ignored */
  stopped = false;
  private running: RunningStage | null = null;

  constructor(
    readonly row: OrderInsert & { status: OrderStatus; placedAt: Date },
    private readonly limits: TimeLimits,
    private readonly now: Date,
  ) {}

  /** Places the order: the 'place' entry and the dispatch clock. */
  place(actor: SeedActor | null, details: Record<string, unknown>): void {
    const at = this.row.placedAt;
    this.beginStage('dispatch', at);
    this.push(at, 'place', actor, null, 'placed', this.row.description, details);
  }

  /**
   * Makes one move at `at` (false, and nothing changes, when `at` is after `now`). A new stage starts whenever the
   * status's stage changes or `restart` is set; the stage that ends is checked for lateness first.
   */
  move(
    at: Date,
    kind: TimelineKind,
    actor: SeedActor | null,
    to: OrderStatus | null,
    text = '',
    details: Record<string, unknown> = {},
    restart = false,
  ): boolean {
    if (this.stopped || at > this.now) {
      this.stopped = true;
      return false;
    }
    const from = this.row.status;
    if (to && to !== from) {
      const next = STAGE_OF[to];
      if (to === 'suspended') this.pause(at);
      else if (from === 'suspended') this.unpause(at);
      else if (!next || next !== this.running?.stage || restart) {
        this.endStage(at);
        if (next) this.beginStage(next, at);
      }
      this.row.status = to;
    } else if (restart && this.running) {
      this.endStage(at);
      this.beginStage(this.running.stage, at);
    }
    this.push(at, kind, actor, to ? from : null, to, text, details);
    return true;
  }

  /** A timeline entry that moves nothing (another order merged into this one), made even after the order stopped. */
  note(at: Date, kind: TimelineKind, actor: SeedActor | null, text: string, details: Record<string, unknown>): boolean {
    if (at > this.now) return false;
    this.push(at, kind, actor, null, null, text, details);
    return true;
  }

  /** Moves the handling deadline by approved hours (counted from the stage's start, as the verb does). */
  extendHandling(hours: number): void {
    this.row.extensionHours = (this.row.extensionHours ?? 0) + hours;
    this.row.extensionCount = (this.row.extensionCount ?? 0) + 1;
    if (this.running?.stage === 'handle') this.beginStage('handle', this.running.start);
  }

  /** The running stage's deadline (null when none runs). */
  get dueAt(): Date | null {
    return this.running?.due ?? null;
  }

  /** Ends the order in a terminal state's bookkeeping: outcome and end time. */
  end(outcome: OrderOutcome, at: Date): void {
    this.row.outcome = outcome;
    this.row.closedAt = at;
  }

  rate(rating: OrderRating, reasons: string[], via: 'self' | 'return_visit', at: Date): void {
    Object.assign(this.row, { rating, ratingReasons: reasons, ratedVia: via, confirmedAt: at });
  }

  /** The deadline job's view at `now`: an open stage past its deadline is overdue and escalated. */
  finish(): void {
    const r = this.running;
    if (r && this.row.status !== 'suspended') {
      this.lateEntries(r, this.now);
      if (r.due < this.now) {
        this.row.overdueSince = r.due;
        this.row.escalationLevel = escalationFor(r.due, (r.due.getTime() - r.start.getTime()) / MINUTE, this.now);
      }
      const remind = remindAt(r.start, r.due);
      if (remind <= this.now) this.row.remindedAt = remind;
      this.row.stageStartedAt = r.start;
      this.row.stageDueAt = r.due;
    } else if (this.row.status === 'suspended') {
      // as the suspend verb leaves it: the paused stage's start and own deadline kept for the resume
      this.row.stageStartedAt = r?.start ?? null;
    } else {
      this.row.stageStartedAt = null;
      this.row.stageDueAt = null;
    }
    const last = this.events[this.events.length - 1];
    this.row.updatedAt = last?.at ?? this.row.placedAt;
    this.row.version = this.events.filter((e) => e.toStatus || e.kind.endsWith('extension')).length;
  }

  private beginStage(stage: OrderStage, start: Date): void {
    const due = stageDueAt(stage, start, this.limits, { emergency: this.row.emergency ?? false, extraHours: this.row.extensionHours ?? 0 });
    this.running = { stage, start, due };
    this.row[STAGE_DUE_FIELD[stage]] = due;
  }

  private endStage(at: Date): void {
    if (this.running) this.lateEntries(this.running, at);
    this.running = null;
  }

  private pause(at: Date): void {
    if (this.running) this.lateEntries(this.running, at);
    this.row.suspendedFrom = this.row.status;
    this.row.suspendedAt = at;
    this.row.stageDueAt = null;
  }

  private unpause(at: Date): void {
    const paused = at.getTime() - (this.row.suspendedAt as Date).getTime();
    const r = this.running;
    if (r) {
      this.running = { stage: r.stage, start: new Date(r.start.getTime() + paused), due: new Date(r.due.getTime() + paused) };
      this.row[STAGE_DUE_FIELD[r.stage]] = this.running.due;
    }
    this.row.suspendedFrom = null;
    this.row.suspendedAt = null;
  }

  /** 'overdue' at the deadline and one 'escalate' per further level the stage reached before `until`. */
  private lateEntries(r: RunningStage, until: Date): void {
    if (r.due >= until) return;
    const minutes = (r.due.getTime() - r.start.getTime()) / MINUTE;
    const step = Math.max(60, minutes / 2) * MINUTE;
    const dueAt = r.due.toISOString();
    this.push(r.due, 'overdue', null, null, null, '', { stage: r.stage, dueAt, level: 'grid' });
    // being overdue is level 1 (grid); the community and the street follow
    for (const [level, after] of [
      ['community', step],
      ['street', 3 * step],
    ] as const) {
      const at = new Date(r.due.getTime() + after);
      if (at < until) this.push(at, 'escalate', null, null, null, '', { stage: r.stage, dueAt, level });
    }
  }

  private push(
    at: Date,
    kind: TimelineKind,
    actor: SeedActor | null,
    fromStatus: OrderStatus | null,
    toStatus: OrderStatus | null,
    text: string,
    details: Record<string, unknown>,
  ): void {
    this.events.push({
      orderId: this.row.id!,
      districtId: this.row.districtId,
      streetId: this.row.streetId,
      communityId: this.row.communityId,
      at,
      kind,
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? null,
      fromStatus,
      toStatus,
      text,
      internal: false,
      details,
      notifiedAt: at,
    });
  }
}
