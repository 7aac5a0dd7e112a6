import { benchApi } from './api.js';
import { benchExport } from './export.js';
import { benchImport } from './import.js';
import { benchOrders } from './orders.js';
import { benchParty } from './party.js';
import { benchRegistry } from './registry.js';
import { benchReports } from './reports.js';
import { benchStartup } from './startup.js';

const BENCHES: Record<string, () => Promise<void>> = {
  startup: () => benchStartup(),
  api: benchApi,
  registry: benchRegistry,
  import: benchImport,
  export: benchExport,
  orders: benchOrders,
  party: benchParty,
  reports: benchReports,
};

/** Bench names; flags such as --json are read by the benches themselves (see report.ts). */
const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (names.length === 0 || names.some((n) => !BENCHES[n])) {
  console.log(`Usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> …`);
  process.exit(2);
}
for (const n of names) await BENCHES[n]!();
