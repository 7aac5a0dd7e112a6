import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { volunteerHours, volunteerTeams, volunteers } from '../../db/schema/index.js';
import { type TeamRow, type TeamSummaryRow, selectTeamSummaries } from './repo.js';

type Conn = Db | Tx;

export async function insertTeam(tx: Tx, values: typeof volunteerTeams.$inferInsert): Promise<TeamRow> {
  const [row] = await tx.insert(volunteerTeams).values(values).returning();
  return row!;
}

export async function lockTeam(tx: Tx, id: string): Promise<TeamRow | undefined> {
  const [row] = await tx.select().from(volunteerTeams).where(eq(volunteerTeams.id, id)).for('update');
  return row;
}

export async function updateTeamRow(tx: Tx, id: string, set: Partial<typeof volunteerTeams.$inferInsert>): Promise<void> {
  await tx.update(volunteerTeams).set(set).where(eq(volunteerTeams.id, id));
}

/** Puts a volunteer on a team (or none); a team they led before loses its leader. */
export async function setVolunteerTeam(tx: Tx, volunteerId: string, teamId: string | null): Promise<void> {
  await tx.update(volunteers).set({ teamId }).where(eq(volunteers.id, volunteerId));
  await tx
    .update(volunteerTeams)
    .set({ leaderVolunteerId: null })
    .where(and(eq(volunteerTeams.leaderVolunteerId, volunteerId), teamId ? sql`${volunteerTeams.id} <> ${teamId}` : undefined));
}

/** One team's row with its leader's name, roster size and verified hours (as the list shows it). */
export async function teamSummary(db: Conn, id: string): Promise<TeamSummaryRow> {
  const [row] = await selectTeamSummaries(db).where(eq(volunteerTeams.id, id));
  return row!;
}

/** Self-reported hours waiting for staff in the actor's volunteer scope, oldest first. */
export async function pendingHoursInScope(db: Conn, actor: Actor, communityId?: string) {
  return db
    .select({ hours: volunteerHours, volunteerName: volunteers.name, teamName: volunteerTeams.name })
    .from(volunteerHours)
    .innerJoin(volunteers, eq(volunteers.id, volunteerHours.volunteerId))
    .leftJoin(volunteerTeams, eq(volunteerTeams.id, volunteers.teamId))
    .where(
      and(
        scopeFilter(actor, 'volunteers.read', scopeColumnsOf(volunteerHours)),
        eq(volunteerHours.status, 'pending'),
        communityId ? eq(volunteerHours.communityId, communityId) : undefined,
      ),
    )
    .orderBy(desc(volunteerHours.createdAt))
    .limit(200);
}
