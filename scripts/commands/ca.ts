import { X509Certificate } from 'node:crypto';

import { InvalidArgumentError, Option, type Command } from 'commander';

import { printJson, printNote, printWarning } from '../../lib/cli/output.js';
import { displayPath } from '../../lib/paths.js';
import {
  caPathsInDir,
  initCa,
  loadCa,
  SIGNING_CA_DEFAULT_NAME,
  SIGNING_CA_VALIDITY_DAYS,
} from '../../lib/pki/ca.js';
import { revokeCertificate } from '../../lib/pki/ca-revoke.js';
import { SIGNED_CERT_VALIDITY_DAYS, signCsr } from '../../lib/pki/ca-sign.js';
import { lintCsr } from '../../lib/pki/csr-lint.js';
import { formatSubject } from '../../lib/pki/names.js';
import { parseCsr } from '../../lib/pki/parse-csr.js';
import { readCertificateFile, readCsrFile } from '../../lib/pki/read-material.js';
import { writeMaterialFile } from '../../lib/pki/write-material-file.js';
import { printFindings } from './csr.js';

/** Ten years: past that, a rehearsal CA or certificate is a liability, not a convenience. */
const MAX_VALIDITY_DAYS = 3650;

export function registerCaCommand(program: Command): void {
  const ca = program
    .command('ca')
    .description(
      'A signing CA for rehearsing go-live offline: sign your own CSRs as Cardlytics would',
    );

  ca.command('init')
    .description('Create a signing CA in a folder (ca.crt, ca.key); does nothing if one is there')
    .requiredOption('--dir <dir>', 'folder for ca.crt and ca.key')
    .option('--name <name>', 'the CA common name', SIGNING_CA_DEFAULT_NAME)
    .addOption(daysOption(SIGNING_CA_VALIDITY_DAYS))
    .option('--force', 'replace the CA that is there (what it signed stops chaining)', false)
    .option('--json', 'print the report as JSON on stdout')
    .addHelpText(
      'after',
      ['', 'Example:', '  npm run cdlx -- ca init --dir rehearsal-ca'].join('\n'),
    )
    .exitOverride()
    .action(init);

  ca.command('sign')
    .description('Sign a CSR as a client certificate (clientAuth, SHA-256), as Cardlytics would')
    .requiredOption('--ca-dir <dir>', 'folder made by `ca init`')
    .argument('<csr>', 'the CSR file, PEM or DER')
    .addOption(daysOption(SIGNED_CERT_VALIDITY_DAYS))
    .option('--out <file>', 'where to write the certificate (default: the CSR path with .crt)')
    .option('--json', 'print the report as JSON on stdout')
    .addHelpText(
      'after',
      ['', 'Example:', '  npm run cdlx -- ca sign --ca-dir rehearsal-ca certs/preprod.csr'].join(
        '\n',
      ),
    )
    .exitOverride()
    .action(sign);

  ca.command('revoke')
    .description("Add a certificate this CA signed to the CA's revocation list (ca.crl)")
    .requiredOption('--ca-dir <dir>', 'folder made by `ca init`')
    .argument('<cert>', 'the certificate to revoke, PEM or DER')
    .option('--json', 'print the report as JSON on stdout')
    .addHelpText(
      'after',
      [
        '',
        'Example:',
        '  npm run cdlx -- ca revoke --ca-dir rehearsal-ca certs/preprod.crt',
        '',
        'A mock or stand-in that trusts the CA refuses the certificate from its next start.',
      ].join('\n'),
    )
    .exitOverride()
    .action(revoke);
}

async function revoke(certFile: string, options: { caDir: string; json?: boolean }) {
  const ca = await loadCa(caPathsInDir(options.caDir));
  const { certificate } = await readCertificateFile(certFile);
  const result = await revokeCertificate(ca, certificate, certFile);
  if (options.json) {
    printJson(result);
    return;
  }
  const what = `${certFile} (serial ${result.serialNumber}, "${result.subject}")`;
  printNote(
    result.alreadyRevoked
      ? `${what} was already revoked on ${result.revokedAt}; nothing changed.`
      : `revoked ${what} in ${displayPath(result.crlPath)} (${result.revokedCount} revoked).`,
  );
}

function daysOption(defaultDays: number): Option {
  return new Option('--days <n>', 'validity in days')
    .default(defaultDays)
    .argParser((value: string) => {
      const days = Number(value);
      if (!Number.isInteger(days) || days < 1 || days > MAX_VALIDITY_DAYS) {
        throw new InvalidArgumentError(
          `Use a whole number of days from 1 to ${MAX_VALIDITY_DAYS}.`,
        );
      }
      return days;
    });
}

async function init(options: {
  dir: string;
  name: string;
  days: number;
  force: boolean;
  json?: boolean;
}): Promise<void> {
  const result = await initCa(options.dir, {
    name: options.name,
    validityDays: options.days,
    force: options.force,
  });
  if (options.json) {
    printJson(result);
    return;
  }
  if (!result.created) {
    printNote(
      `a CA is already in ${displayPath(options.dir)}; nothing changed (add --force to replace it).`,
    );
    return;
  }
  printNote(`wrote ${displayPath(result.keyPath)} (CA private key, mode 0600)`);
  printNote(
    `wrote ${displayPath(result.certPath)} ("${options.name}", ${options.days} days) and its empty revocation list ${displayPath(result.crlPath)}`,
  );
}

async function sign(
  csrFile: string,
  options: { caDir: string; days: number; out?: string; json?: boolean },
): Promise<void> {
  const ca = await loadCa(caPathsInDir(options.caDir));
  const csr = parseCsr(await readCsrFile(csrFile), csrFile);
  const warnings = lintCsr(csrFile, csr).filter((finding) => finding.level !== 'error');
  const certPem = signCsr(ca, csr, { csrFile, validityDays: options.days });
  const outPath = options.out ?? `${csrFile.replace(/\.(csr|req|pem|der)$/i, '')}.crt`;
  await writeMaterialFile(outPath, certPem, 'public');

  const cert = new X509Certificate(certPem);
  const caCert = new X509Certificate(ca.certPem);
  const notAfter = new Date(Date.parse(cert.validTo)).toISOString();
  if (options.json) {
    printJson({ certPath: outPath, subject: formatSubject(csr.subject), notAfter, warnings });
    return;
  }
  printFindings(warnings);
  if (Date.parse(cert.validTo) > Date.parse(caCert.validTo)) {
    printWarning(
      `${displayPath(outPath)} outlives its CA (valid until ${caCert.validTo}); it stops chaining then.\n  Use a smaller --days, or a CA made with a larger --days.`,
    );
  }
  printNote(`wrote ${displayPath(outPath)} (client certificate, valid until ${notAfter})`);
}
