/**
 * How long the PKI takes for the things people wait on: creating a CA and signing a CSR (the
 * target is well under a second each), plus making a key and CSR and bundling a PKCS#12 file.
 * Prints the median of several runs after one warm-up run; nothing is kept on disk.
 *
 *   npm run bench:pki            # 7 runs
 *   npm run bench:pki -- 15      # 15 runs
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { caPathsInDir, createCa, type CertificateAuthority } from '../lib/pki/ca.js';
import { signCsr } from '../lib/pki/ca-sign.js';
import { buildCsrPem } from '../lib/pki/csr.js';
import { generateRsaKeyPair } from '../lib/pki/keys.js';
import { parseSubject } from '../lib/pki/names.js';
import { parseCsr } from '../lib/pki/parse-csr.js';
import { createPkcs12 } from '../lib/pki/pkcs12.js';

const DEFAULT_RUNS = 7;
const SUBJECT = parseSubject('/C=US/ST=Texas/L=Austin/O=Example Bank/OU=Rewards/CN=UAT');

interface Case {
  name: string;
  run: (dir: string, index: number) => Promise<unknown>;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? DEFAULT_RUNS);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`cdlx Error: "${process.argv[2]}" is not a number of runs; try 7.\n`);
    process.exitCode = 2;
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'cdlx-bench-pki-'));
  try {
    await report(dir, runs);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function report(dir: string, runs: number): Promise<void> {
  // Fixed material for the cases that do not measure key generation.
  const ca = await createCa(caPathsInDir(path.join(dir, 'fixed-ca')), {
    subject: SUBJECT,
    validityDays: 1,
  });
  const leafKeys = await generateRsaKeyPair(2048);
  const csrDer = pemDer(buildCsrPem(SUBJECT, leafKeys));
  const leafPem = signCsr(ca, parseCsr(csrDer, 'bench.csr'), { csrFile: 'bench.csr' });

  const cases: Case[] = [
    {
      name: 'create a CA (RSA 2048, written 0600)',
      run: (d, i) =>
        createCa(caPathsInDir(path.join(d, `ca-${i}`)), { subject: SUBJECT, validityDays: 1 }),
    },
    {
      name: 'sign a CSR (parse, lint, issue)',
      run: (_d, _i) =>
        Promise.resolve(signCsr(ca, parseCsr(csrDer, 'b.csr'), { csrFile: 'b.csr' })),
    },
    {
      name: 'make a key and CSR (RSA 2048)',
      run: async () => buildCsrPem(SUBJECT, await generateRsaKeyPair(2048)),
    },
    {
      name: 'bundle a PKCS#12 file',
      run: () => Promise.resolve(bundle(leafPem, leafKeys.privateKeyPem, ca)),
    },
  ];

  process.stdout.write(
    `cdlx PKI timings: median of ${runs} runs after a warm-up (Node ${process.version}, OpenSSL ${process.versions.openssl})\n`,
  );
  for (const benchCase of cases) {
    await benchCase.run(dir, -1);
    const timesMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await benchCase.run(dir, i);
      timesMs.push(performance.now() - start);
    }
    timesMs.sort((a, b) => a - b);
    const line = `  ${benchCase.name.padEnd(40)} ${median(timesMs).toFixed(1).padStart(7)} ms`;
    const range = `(min ${timesMs[0]!.toFixed(1)}, max ${timesMs[timesMs.length - 1]!.toFixed(1)})`;
    process.stdout.write(`${line}  ${range}\n`);
  }
}

function bundle(certPem: string, keyPem: string, ca: CertificateAuthority): Buffer {
  return createPkcs12({
    certificate: new X509Certificate(certPem),
    privateKey: createPrivateKey(keyPem),
    chain: [new X509Certificate(ca.certPem)],
    passphrase: 'benchmark passphrase',
  });
}

function median(sortedMs: readonly number[]): number {
  const middle = Math.floor(sortedMs.length / 2);
  return sortedMs.length % 2 === 1
    ? sortedMs[middle]!
    : (sortedMs[middle - 1]! + sortedMs[middle]!) / 2;
}

function pemDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

await main();
