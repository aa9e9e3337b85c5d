/**
 * Generates the TypeScript types of the contract (and of the mock's admin API, whose document
 * references the contract's schemas) with openapi-typescript.
 *
 *   npm run gen:types        rewrites openapi/generated/*.ts
 *   npm run check:types      fails when a committed file is stale (CI runs this)
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import openapiTS, { astToString } from 'openapi-typescript';

import { ADMIN_CONTRACT_PATH, CONTRACT_PATH, PROJECT_ROOT } from '../lib/paths.js';

const GENERATED_DIR = path.join(PROJECT_ROOT, 'openapi', 'generated');

/** Each document and the file generated from it. */
const DOCUMENTS = [
  { source: CONTRACT_PATH, output: path.join(GENERATED_DIR, 'publisher-v2.ts') },
  { source: ADMIN_CONTRACT_PATH, output: path.join(GENERATED_DIR, 'mock-admin.ts') },
];

function header(source: string): string {
  return [
    `// Generated from openapi/${path.basename(source)} by \`npm run gen:types\`. Do not edit by hand:`,
    '// change the contract and run the command again (`npm run check:types` fails when stale).',
    '',
  ].join('\n');
}

async function generate(source: string): Promise<string> {
  // The contract is passed as text (no external references); the admin document is passed as a
  // file URL so its `./publisher-v2.yaml#/...` references resolve next to it.
  const input = source === CONTRACT_PATH ? await readFile(source, 'utf8') : pathToFileURL(source);
  const ast = await openapiTS(input);
  return header(source) + astToString(ast);
}

async function main(): Promise<number> {
  const isCheck = process.argv.includes('--check');
  const stale: string[] = [];
  for (const { source, output } of DOCUMENTS) {
    const generated = await generate(source);
    const relative = path.relative(process.cwd(), output);
    if (!isCheck) {
      await mkdir(path.dirname(output), { recursive: true });
      await writeFile(output, generated);
      console.log(`cdlx: wrote ${relative}`);
      continue;
    }
    const committed = await readFile(output, 'utf8').catch(() => '');
    if (committed !== generated) stale.push(relative);
  }
  if (!isCheck) return 0;
  if (stale.length === 0) {
    console.log('cdlx: generated types are up to date with the contract');
    return 0;
  }
  console.error(
    [
      `cdlx Error: ${stale.join(' and ')} ${stale.length === 1 ? 'is' : 'are'} stale: not what the OpenAPI documents generate.`,
      '  Run `npm run gen:types` and commit the result.',
    ].join('\n'),
  );
  return 1;
}

process.exitCode = await main();
