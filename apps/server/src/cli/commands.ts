import { backupCommand } from './backup.js';
import type { CliCommand } from './command.js';
import { createAdmin } from './create-admin.js';
import { exportCli } from './export.js';
import { importCli } from './import.js';
import { rekeyCommand } from './rekey.js';
import { restoreCommand } from './restore.js';
import { seedDemoCommand } from './seed-demo.js';

export const COMMANDS: CliCommand[] = [createAdmin, seedDemoCommand, importCli, exportCli, backupCommand, restoreCommand, rekeyCommand];
