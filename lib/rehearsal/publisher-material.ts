import { spawn } from 'node:child_process';
import path from 'node:path';

import { CdlxError } from '../errors.js';
import { writePublicFile } from '../fs-secure.js';
import { PROJECT_ROOT } from '../paths.js';
import { caPathsInDir, initCa, loadCa, type CaPaths } from '../pki/ca.js';
import { signCsr } from '../pki/ca-sign.js';
import { lintCsrFiles } from '../pki/csr-lint.js';
import { createKeyAndCsr, resolveCsrSubject, type CreatedCsr } from '../pki/csr.js';
import { formatFinding, hasErrors } from '../pki/findings.js';
import { inspectCertificateFiles, type CertificateReport } from '../pki/inspect.js';
import { parseSubject } from '../pki/names.js';
import { parseCsr } from '../pki/parse-csr.js';
import { readCsrFile } from '../pki/read-material.js';
import type { RealTargetName } from '../targets/env-target.js';

/**
 * The publisher's own subjects, as a bank would write them: pre-prod and prod must differ, and
 * pre-prod carries CN=UAT (the reference sheet §2).
 */
const SUBJECTS: Record<RealTargetName, string> = {
  preprod: '/C=US/ST=Texas/L=Austin/O=Example Bank/OU=Rewards/CN=UAT',
  prod: '/C=US/ST=Texas/L=Austin/O=Example Bank/OU=Rewards/CN=Example Bank Rewards',
};
/** Says what it is, as the real vendor CA's name would not. */
const VENDOR_CA_NAME = 'cdlx rehearsal vendor CA - NOT FOR PRODUCTION';

/** Step 1: a private key and a CSR per environment (`cdlx csr`). */
export function makeKeyAndCsr(dir: string, env: RealTargetName): Promise<CreatedCsr> {
  return createKeyAndCsr({
    env,
    subject: resolveCsrSubject(env, parseSubject(SUBJECTS[env])),
    keySizeBits: 2048,
    dir,
    force: false,
  });
}

/** Step 2: both CSRs through the onboarding rules, and against each other (`cdlx csr lint`). */
export async function lintCsrs(csrPaths: readonly string[]): Promise<string> {
  const report = await lintCsrFiles(csrPaths);
  if (hasErrors(report.findings)) {
    throw new CdlxError(
      'CDLX_REHEARSAL_LINT',
      ['The CSRs fail the onboarding rules:', ...report.findings.map(formatFinding)].join('\n'),
    );
  }
  const warnings = report.findings.filter((finding) => finding.level === 'warning').length;
  return `${csrPaths.length} CSRs pass, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** Step 3: the vendor's CA (`cdlx ca init`), standing in for the CA Cardlytics signs with. */
export async function makeVendorCa(dir: string): Promise<CaPaths> {
  const { certPath, keyPath } = await initCa(dir, { name: VENDOR_CA_NAME });
  return { certPath, keyPath };
}

/** Step 4: the vendor signs a CSR and sends the certificate back (`cdlx ca sign`). */
export async function vendorSigns(caDir: string, csrPath: string): Promise<string> {
  const ca = await loadCa(caPathsInDir(caDir));
  const csr = parseCsr(await readCsrFile(csrPath), csrPath);
  const certPath = csrPath.replace(/\.csr$/, '.crt');
  await writePublicFile(certPath, signCsr(ca, csr, { csrFile: csrPath }));
  return certPath;
}

/**
 * Step 5: the prod certificate and key as one PKCS#12 file, through the real command
 * (`cdlx cert bundle --passphrase-env`), since that is how a publisher hands a PFX to a CI job.
 */
export async function bundlePfx(options: {
  certPath: string;
  keyPath: string;
  pfxPath: string;
  passphrase: string;
}): Promise<void> {
  const variable = 'CDLX_REHEARSAL_PFX_PASSPHRASE';
  const args = [
    path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    path.join(PROJECT_ROOT, 'scripts', 'cdlx.ts'),
    'cert',
    'bundle',
    '--cert',
    options.certPath,
    '--key',
    options.keyPath,
    '--out',
    options.pfxPath,
    '--passphrase-env',
    variable,
  ];
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd: PROJECT_ROOT,
        env: { PATH: process.env.PATH, [variable]: options.passphrase },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const chunks: Buffer[] = [];
      child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.once('error', reject);
      child.once('close', (exitCode) =>
        resolve({ code: exitCode ?? 1, stderr: Buffer.concat(chunks).toString('utf8') }),
      );
    },
  );
  if (code !== 0) {
    throw new CdlxError('CDLX_REHEARSAL_BUNDLE', `cdlx cert bundle failed: ${stderr.trim()}`);
  }
}

/** Step 6: the returned certificate checked against its key, CSR and CA (`cdlx cert inspect`). */
export async function inspectReturned(options: {
  cert: string;
  key?: string;
  csr: string;
  ca: string;
  passphrase?: string;
}): Promise<CertificateReport> {
  const { passphrase, ...files } = options;
  const inspection = await inspectCertificateFiles(
    files,
    passphrase === undefined ? {} : { passphrase },
  );
  if (hasErrors(inspection.findings)) {
    throw new CdlxError(
      'CDLX_REHEARSAL_INSPECT',
      [
        `The certificate ${path.basename(options.cert)} fails inspection:`,
        ...inspection.findings.map(formatFinding),
      ].join('\n'),
    );
  }
  return inspection.certificate;
}
