import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Locale } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { buildActor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import type { Pii } from '../core/pii.js';
import { householdsWorkbook, residentsWorkbook } from '../modules/exports/workbooks.js';
import { piiFromConfig } from '../startup.js';
import { type CliCommand, type CliIo, flagsOrHelp } from './command.js';
import { communityFromFlag } from './community.js';

export type ExportIo = CliIo & { pii?: Pii };

const HELP = `Usage: npm run linli -- export residents|households <file.xlsx> --community <code> [--lang zh-CN|en]
Writes the community's active residents (or households) to an .xlsx, streamed; ID numbers and phones masked.`;

/** `export residents <file>`: the web export of one community, written to a file and audited. */
export async function exportCommand(args: string[], io: ExportIo): Promise<number> {
  const parsed = flagsOrHelp(args, io, HELP);
  if (!parsed) return 0;
  const { flags, rest } = parsed;
  const [kind, file, ...extra] = rest;
  const unknown = Object.keys(flags).filter((f) => !['community', 'lang'].includes(f));
  if (unknown.length || extra.length || (kind !== 'residents' && kind !== 'households') || !file || typeof flags.community !== 'string') {
    io.log(HELP);
    return 2;
  }
  const community = await communityFromFlag(io, flags.community);
  if (!community) return 2;
  const locale = Locale.catch('zh-CN').parse(flags.lang);
  const actor = buildActor({
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'cli',
    displayName: 'cli',
    locale,
    residentId: null,
    assignments: [],
  });
  let count = 0;
  const env = {
    db: io.db,
    actor,
    locale,
    onRows: async (rows: number) => {
      count = rows;
      await writeAudit(
        { db: io.db, actor: null, ip: null, requestId: null },
        {
          action: 'registry.export',
          entityType: kind,
          actorName: 'cli',
          streetId: community.streetId,
          communityId: community.id,
          details: { filter: { community: flags.community }, rows, via: 'cli' },
        },
      );
    },
  };
  // the CLI answers to no scope: the community is the filter
  const everywhere = { residents: sql`true`, households: sql`true`, flats: sql`true`, buildings: sql`true` };
  const filter = { scope: everywhere, status: 'active', area: { id: community.id, kind: 'community' as const } };
  const stream =
    kind === 'residents'
      ? residentsWorkbook({ ...env, pii: io.pii ?? piiFromConfig(loadConfig()) }, filter)
      : householdsWorkbook(env, filter);
  const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  await pipeline(stream, fs.createWriteStream(target));
  io.log(`Wrote ${count} ${kind} of ${community.name} to ${target}`);
  return 0;
}

export const exportCli: CliCommand = {
  name: 'export',
  summary: 'Export residents or households of a community to .xlsx: export residents <file> --community <code>',
  run: (args, io) => exportCommand(args, io),
};
