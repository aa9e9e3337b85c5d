import type { Command } from 'commander';

import { registerCaCommand } from './ca.js';
import { registerCertCommand } from './cert.js';
import { registerCsrCommand } from './csr.js';
import { registerDoctorCommand } from './doctor.js';
import { registerMockCommand } from './mock.js';
import { registerRecordCommand } from './record.js';
import { registerRehearseCommand } from './rehearse.js';
import { registerStandInCommand } from './standin.js';

/** Every subcommand of `cdlx`, each in its own file. */
export function registerCommands(program: Command): void {
  registerMockCommand(program);
  registerCsrCommand(program);
  registerCertCommand(program);
  registerCaCommand(program);
  registerDoctorCommand(program);
  registerStandInCommand(program);
  registerRehearseCommand(program);
  registerRecordCommand(program);
}
