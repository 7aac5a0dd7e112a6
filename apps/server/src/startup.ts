import type { Config } from './config.js';
import type { OpenedDatabase } from './db/open.js';
import type { AppDeps } from './app.js';

/** Seeds the demo on an empty database (or explains how to create the first admin); returns extra app deps. */
export async function prepareDemo(_database: OpenedDatabase, _config: Config, _say: (m: string) => void): Promise<Partial<AppDeps>> {
  return {};
}
