import { createInterface } from 'node:readline';

import { UsageError } from '../errors.js';
import { DN_FIELDS, type NameField } from './names.js';

export interface PromptSubjectOptions {
  input: NodeJS.ReadableStream;
  /** Prompts go here: stderr on the command line, so stdout stays clean for --json. */
  output: NodeJS.WritableStream;
  /** Shown in brackets and used when the answer is blank, e.g. { CN: 'UAT' }. */
  defaults?: Readonly<Record<string, string>>;
  /** Whether `input` is a terminal (echo and line editing). */
  terminal?: boolean;
}

/**
 * Asks for each Distinguished Name field as `openssl req` does, in its order. A blank answer
 * takes the default in brackets, or leaves the field out; "." leaves it out even when there is a
 * default, as in openssl.
 */
export async function promptSubject(options: PromptSubjectOptions): Promise<NameField[]> {
  const rl = createInterface({
    input: options.input,
    output: options.output,
    terminal: options.terminal ?? false,
  });
  // The iterator buffers lines that arrive before they are asked for (a pasted answer block),
  // which rl.question would drop.
  const lines = rl[Symbol.asyncIterator]();
  options.output.write(
    [
      'You are about to be asked for the Distinguished Name that goes into the CSR.',
      'Press Enter on a field to leave it out, or to take the default in [brackets];',
      'enter "." to leave out a field that has a default.',
      '',
    ].join('\n'),
  );

  const fields: NameField[] = [];
  try {
    for (const field of DN_FIELDS) {
      const fallback = options.defaults?.[field.shortName];
      rl.setPrompt(`${field.prompt}${fallback === undefined ? '' : ` [${fallback}]`}: `);
      rl.prompt();
      const next = await lines.next();
      if (next.done) {
        throw new UsageError('The input ended before every subject field was answered.', {
          hint: 'Answer each prompt, or pass --subject "/C=US/O=Example Bank/CN=UAT".',
        });
      }
      const answer = String(next.value).trim();
      if (answer === '.') continue;
      const value = answer === '' ? fallback : answer;
      if (value !== undefined) fields.push({ shortName: field.shortName, value });
    }
  } finally {
    rl.close();
  }
  return fields;
}
