import type { Command } from 'commander';

import { registerCaCommand } from './ca.js';
import { registerCertCommand } from './cert.js';
import { registerCsrCommand } from './csr.js';
import { registerMockCommand } from './mock.js';

/** Every subcommand of `cdlx`, each in its own file. */
export function registerCommands(program: Command): void {
  registerMockCommand(program);
  registerCsrCommand(program);
  registerCertCommand(program);
  registerCaCommand(program);
}
