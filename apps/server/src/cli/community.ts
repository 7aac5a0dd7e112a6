import { findCommunityByCode } from '../modules/imports/repo.js';
import type { CliIo } from './command.js';

/** The community of `--community <code>`, or null after telling the user there is none. */
export async function communityFromFlag(io: Pick<CliIo, 'db' | 'log'>, code: string) {
  const community = await findCommunityByCode(io.db, code);
  if (!community) io.log(`There is no community with the code ${code}.`);
  return community;
}
