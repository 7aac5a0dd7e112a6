import type { CliCommand } from './command.js';
import { createAdmin } from './create-admin.js';

export const COMMANDS: CliCommand[] = [createAdmin];
