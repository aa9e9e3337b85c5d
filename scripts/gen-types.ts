/**
 * Generates the TypeScript types of the contract with openapi-typescript.
 *
 *   npm run gen:types        rewrites openapi/generated/publisher-v2.ts
 *   npm run check:types      fails when the committed file is stale (CI runs this)
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

import openapiTS, { astToString } from 'openapi-typescript';

import { CONTRACT_PATH, PROJECT_ROOT } from '../lib/paths.js';

const OUTPUT_PATH = path.join(PROJECT_ROOT, 'openapi', 'generated', 'publisher-v2.ts');
const HEADER = [
  '// Generated from openapi/publisher-v2.yaml by `npm run gen:types`. Do not edit by hand:',
  '// change the contract and run the command again (`npm run check:types` fails when stale).',
  '',
].join('\n');

async function generate(): Promise<string> {
  const ast = await openapiTS(await readFile(CONTRACT_PATH, 'utf8'));
  return HEADER + astToString(ast);
}

async function main(): Promise<number> {
  const isCheck = process.argv.includes('--check');
  const generated = await generate();
  if (!isCheck) {
    await mkdir(path.dirname(OUTPUT_PATH), { recursive: true });
    await writeFile(OUTPUT_PATH, generated);
    console.log(`cdlx: wrote ${path.relative(process.cwd(), OUTPUT_PATH)}`);
    return 0;
  }
  const committed = await readFile(OUTPUT_PATH, 'utf8').catch(() => '');
  if (committed === generated) {
    console.log('cdlx: generated types are up to date with the contract');
    return 0;
  }
  console.error(
    [
      'cdlx Error: openapi/generated/publisher-v2.ts is stale: it does not match the contract.',
      '  Run `npm run gen:types` and commit the result.',
    ].join('\n'),
  );
  return 1;
}

process.exitCode = await main();
