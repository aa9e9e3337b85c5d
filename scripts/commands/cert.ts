import type { Command } from 'commander';

import { EXIT_PROBLEM, printJson, printNote } from '../../lib/cli/output.js';
import { CdlxError, UsageError } from '../../lib/errors.js';
import { displayPath } from '../../lib/paths.js';
import { hasErrors } from '../../lib/pki/findings.js';
import { inspectCertificateFiles, type CertificateReport } from '../../lib/pki/inspect.js';
import { isSameKeyPair } from '../../lib/pki/keys.js';
import { createPkcs12 } from '../../lib/pki/pkcs12.js';
import {
  readCertificateFile,
  readPrivateKeyFile,
  type ReadMaterialOptions,
} from '../../lib/pki/read-material.js';
import { writeMaterialFile } from '../../lib/pki/write-material-file.js';
import { printFindings } from './csr.js';

interface InspectOptions {
  cert: string;
  key?: string;
  csr?: string;
  ca?: string;
  passphraseEnv?: string;
  json?: boolean;
}

interface BundleOptions {
  cert: string;
  key: string;
  chain?: string;
  out: string;
  passphraseEnv: string;
  json?: boolean;
}

export function registerCertCommand(program: Command): void {
  const cert = program
    .command('cert')
    .description('Check a client certificate, or bundle it with its key as a PKCS#12 file');

  cert
    .command('inspect')
    .description('Report on a certificate and check it against its key, its CSR and its CA')
    .requiredOption('--cert <file>', 'the certificate: PEM, DER or PFX')
    .option('--key <file>', 'the private key it must match (a PFX brings its own)')
    .option('--csr <file>', 'the CSR it must answer')
    .option('--ca <file>', 'the CA certificate(s) it must chain to')
    .option('--passphrase-env <name>', 'environment variable holding the PFX or key passphrase')
    .option('--json', 'print the report as JSON on stdout')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  npm run cdlx -- cert inspect --cert certs/preprod.crt --key certs/preprod.key \\',
        '    --csr certs/preprod.csr --ca certs/cardlytics-ca.crt',
        '  CDLX_PFX_PASS=... npm run cdlx -- cert inspect --cert certs/preprod.pfx \\',
        '    --passphrase-env CDLX_PFX_PASS',
      ].join('\n'),
    )
    .exitOverride()
    .action(inspect);

  cert
    .command('bundle')
    .description('Write the certificate, its key and chain as one PKCS#12 (.pfx) file')
    .requiredOption('--cert <file>', 'the certificate')
    .requiredOption('--key <file>', 'its private key')
    .option('--chain <file>', 'CA certificates to include')
    .requiredOption('--out <file>', 'the .pfx file to write (mode 0600)')
    .requiredOption(
      '--passphrase-env <name>',
      'environment variable holding the passphrase (never give it on the command line)',
    )
    .option('--json', 'print the report as JSON on stdout')
    .addHelpText(
      'after',
      [
        '',
        'Example:',
        '  read -rs CDLX_PFX_PASS && export CDLX_PFX_PASS',
        '  npm run cdlx -- cert bundle --cert certs/preprod.crt --key certs/preprod.key \\',
        '    --out certs/preprod.pfx --passphrase-env CDLX_PFX_PASS',
      ].join('\n'),
    )
    .exitOverride()
    .action(bundle);
}

async function inspect(options: InspectOptions): Promise<void> {
  const inspection = await inspectCertificateFiles(
    {
      cert: options.cert,
      ...(options.key === undefined ? {} : { key: options.key }),
      ...(options.csr === undefined ? {} : { csr: options.csr }),
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    },
    passphraseOptions(options.passphraseEnv),
  );
  const failed = hasErrors(inspection.findings);
  if (options.json) {
    printJson({ ok: !failed, ...inspection });
  } else {
    process.stdout.write(`${formatReport(inspection.certificate, options).join('\n')}\n`);
    printFindings(inspection.findings);
  }
  if (failed) process.exitCode = EXIT_PROBLEM;
}

function formatReport(report: CertificateReport, options: InspectOptions): string[] {
  const matchLine = (matches: boolean | undefined, file: string | undefined): string[] =>
    matches === undefined ? [] : [`${matches ? 'matches' : 'does NOT match'} ${file ?? ''}`];
  const rows: [string, string | string[]][] = [
    ['Certificate', report.file],
    ['Subject', report.subject],
    ['Issuer', report.issuer],
    ['Serial', report.serialNumber],
    ['Valid from', report.notBefore],
    ['Valid until', `${report.notAfter} (${report.daysLeft} days left)`],
    ['Key', report.key.label],
    ['Signature', report.signatureAlgorithm],
    ['Key usage', report.keyUsage?.join(', ') ?? '(no extension)'],
    ['Ext. key usage', report.extendedKeyUsage?.join(', ') ?? '(no extension)'],
    ['Private key', matchLine(report.keyMatches, options.key ?? options.cert)],
    ['CSR', matchLine(report.csrMatches, options.csr)],
    [
      'CA',
      report.chainsToCa === undefined
        ? []
        : [`${report.chainsToCa ? 'chains to' : 'does NOT chain to'} ${options.ca ?? ''}`],
    ],
  ];
  return rows
    .filter(([, value]) => !Array.isArray(value) || value.length > 0)
    .map(
      ([label, value]) => `${label.padEnd(15)} ${Array.isArray(value) ? value.join('') : value}`,
    );
}

async function bundle(options: BundleOptions): Promise<void> {
  const passphrase = passphraseOptions(options.passphraseEnv);
  const { certificate } = await readCertificateFile(options.cert, passphrase);
  const privateKey = await readPrivateKeyFile(options.key, passphrase);
  const chain = options.chain
    ? (await readCertificateFile(options.chain, passphrase)).certificates
    : [];
  if (!isSameKeyPair(certificate.publicKey, privateKey)) {
    throw new CdlxError(
      'CDLX_CERT_KEY_MISMATCH',
      `The certificate ${options.cert} does not match the private key ${options.key}; nothing was written.`,
      { hint: 'Pair each certificate with the key its CSR came from (preprod.key / prod.key).' },
    );
  }

  const pfx = createPkcs12({
    certificate,
    privateKey,
    chain,
    passphrase: passphrase.passphrase ?? '',
  });
  await writeMaterialFile(options.out, pfx, 'private');
  if (options.json) {
    printJson({ pfxPath: options.out, chainCertificates: chain.length });
    return;
  }
  printNote(
    `wrote ${displayPath(options.out)} (certificate, key${chain.length > 0 ? ` and ${chain.length} CA certificate${chain.length === 1 ? '' : 's'}` : ''}; mode 0600)`,
  );
}

/** An environment variable name; anything else is probably the passphrase itself. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads the passphrase from the variable named by --passphrase-env. The value never appears in
 * a message; neither does a "name" that does not look like one, since it may be the passphrase.
 */
function passphraseOptions(variable: string | undefined): ReadMaterialOptions {
  if (variable === undefined) return {};
  if (!VARIABLE_NAME.test(variable)) {
    throw new UsageError('--passphrase-env takes the name of an environment variable.', {
      hint: 'Put the passphrase in a variable (e.g. CDLX_PFX_PASS) and pass its name, never the passphrase.',
    });
  }
  // An all-capitals name is shown; anything else might be a passphrase typed in the wrong place.
  const shown = /^[A-Z_][A-Z0-9_]*$/.test(variable) ? variable : 'named by --passphrase-env';
  const value = process.env[variable];
  if (value === undefined || value === '') {
    throw new UsageError(`The environment variable ${shown} is not set or is empty.`, {
      hint: 'Set it before running, e.g. `read -rs CDLX_PFX_PASS && export CDLX_PFX_PASS`.',
    });
  }
  return { passphrase: value, passphraseSource: `the variable ${shown}` };
}
