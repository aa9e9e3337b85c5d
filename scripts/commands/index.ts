import type { Command } from 'commander';

import { registerMockCommand } from './mock.js';

/** Every subcommand of `cdlx`, each in its own file. */
export function registerCommands(program: Command): void {
  registerMockCommand(program);
}
