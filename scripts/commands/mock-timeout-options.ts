import { Option, type Command } from 'commander';

import { UsageError } from '../../lib/errors.js';
import {
  DEFAULT_TIMEOUTS,
  resolveTimeouts,
  TIMEOUT_FLAGS,
  type MockTimeouts,
} from '../../mock-server/timeouts.js';

const DESCRIPTIONS: Readonly<Record<keyof MockTimeouts, string>> = {
  handshakeTimeoutMs: 'ms from TCP accept to a finished TLS handshake',
  headersTimeoutMs: 'ms for a request line and headers to arrive',
  requestTimeoutMs: 'ms for a whole request, body included, to arrive',
  keepAliveTimeoutMs: 'ms an idle keep-alive connection stays open',
};

const OPTIONS = (Object.keys(TIMEOUT_FLAGS) as (keyof MockTimeouts)[]).map((key) => ({
  key,
  option: new Option(`${TIMEOUT_FLAGS[key]} <ms>`, DESCRIPTIONS[key]).default(
    String(DEFAULT_TIMEOUTS[key]),
  ),
}));

/** The timeout flags as commander hands them over: `{ headersTimeout: '10000', ... }`. */
export type TimeoutOptions = Record<string, unknown>;

/** Adds `--handshake-timeout <ms>` and its siblings, each defaulting to DEFAULT_TIMEOUTS. */
export function addTimeoutOptions(command: Command): Command {
  for (const { option } of OPTIONS) command.addOption(option);
  return command;
}

/** Reads the timeout flags commander parsed; a bad value is a UsageError naming its flag. */
export function timeoutsFromOptions(options: TimeoutOptions): MockTimeouts {
  const entries = OPTIONS.map(({ key, option }) => {
    const text = String(options[option.attributeName()]);
    if (!/^\d+$/.test(text)) {
      throw new UsageError(`${TIMEOUT_FLAGS[key]} ${text} is not a number of milliseconds.`, {
        hint: `Give whole milliseconds, e.g. ${TIMEOUT_FLAGS[key]} ${DEFAULT_TIMEOUTS[key]}.`,
      });
    }
    return [key, Number(text)] as const;
  });
  return resolveTimeouts(Object.fromEntries(entries));
}
