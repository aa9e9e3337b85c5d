import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { unzipSync } from 'fflate';

export interface Secret {
  /** What the secret is, for the finding ("session token 2"); never its value. */
  label: string;
  value: string;
}

export interface SecretSighting {
  /** The file, and the entry inside a zip when the secret was found in one. */
  where: string;
  label: string;
}

/** Zips nest in reports (the HTML report's data holds trace zips); stop at a sane depth. */
const MAX_ZIP_DEPTH = 3;
/** How Playwright's HTML report embeds its data in index.html. */
const EMBEDDED_ZIP = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/g;

/**
 * Searches every file under `roots` (and any extra texts, such as a run's stdout) for the
 * secrets, in plain text and base64 (JSON reports store attachment bodies as base64), looking
 * inside zips, including the one the HTML report embeds in index.html. Returns where each was
 * seen; an empty list is the proof that no artefact of the run gives a secret away.
 *
 * @example await findSecrets(['reports/rehearsal/preprod'], [{ label: 'passphrase', value }])
 */
export async function findSecrets(
  roots: readonly string[],
  secrets: readonly Secret[],
  texts: readonly { where: string; text: string }[] = [],
): Promise<SecretSighting[]> {
  const needles = secrets.map((secret) => ({ label: secret.label, forms: formsOf(secret.value) }));
  const sightings: SecretSighting[] = [];
  const search = (where: string, bytes: Uint8Array, depth: number): void => {
    const text = Buffer.from(bytes).toString('latin1');
    for (const needle of needles) {
      if (needle.forms.some((form) => text.includes(form)))
        sightings.push({ where, label: needle.label });
    }
    if (depth >= MAX_ZIP_DEPTH) return;
    if (isZip(bytes)) searchZip(where, bytes, depth, search);
    for (const match of text.matchAll(EMBEDDED_ZIP)) {
      searchZip(`${where} (embedded report data)`, Buffer.from(match[1]!, 'base64'), depth, search);
    }
  };

  for (const root of roots) {
    for (const file of await listFiles(root)) search(file, await readFile(file), 0);
  }
  for (const { where, text } of texts) search(where, Buffer.from(text), 0);
  return sightings;
}

function searchZip(
  where: string,
  bytes: Uint8Array,
  depth: number,
  search: (where: string, bytes: Uint8Array, depth: number) => void,
): void {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return;
  }
  for (const [name, content] of Object.entries(entries))
    search(`${where} → ${name}`, content, depth + 1);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The secret as it may appear: itself, and its base64 at each of the three byte alignments
 * (the characters that depend on neighbouring bytes are left out).
 */
function formsOf(value: string): string[] {
  const raw = Buffer.from(value);
  const forms = [value];
  for (let lead = 0; lead < 3; lead++) {
    const encoded = Buffer.concat([Buffer.alloc(lead), raw]).toString('base64');
    const core = encoded.slice(lead === 0 ? 0 : 4, -4);
    if (core.length >= 8) forms.push(core);
  }
  return forms;
}

async function listFiles(root: string): Promise<string[]> {
  const info = await stat(root).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [root];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
