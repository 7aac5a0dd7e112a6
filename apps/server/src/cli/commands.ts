import type { CliCommand } from './command.js';
import { createAdmin } from './create-admin.js';
import { seedDemoCommand } from './seed-demo.js';

export const COMMANDS: CliCommand[] = [createAdmin, seedDemoCommand];
