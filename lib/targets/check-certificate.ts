import { hasErrors, type Finding } from '../pki/findings.js';
import { inspectCertificate, type CertificateReport } from '../pki/inspect.js';
import { readCertificateFile, readPrivateKeyFile } from '../pki/read-material.js';
import { variablePrefix } from './env-target.js';
import type { Target } from './target.js';

export interface CertificateCheck {
  report: CertificateReport;
  findings: Finding[];
  ok: boolean;
}

/**
 * Checks a target's client certificate before the first request, with the same code as
 * `cdlx cert inspect`: validity, key, key usages, and that it matches its private key. For real
 * targets, files are named by their variable (CDLX_PREPROD_KEY), never by path, because the
 * result ends up in reports.
 *
 * @example const { ok, findings } = await checkTargetCertificate(resolveEnvTarget('preprod'));
 */
export async function checkTargetCertificate(target: Target): Promise<CertificateCheck> {
  const labels = fileLabels(target);
  const { identity } = target;
  const inspection =
    identity.kind === 'pem'
      ? inspectCertificate({
          certificate: (await readCertificateFile(identity.certPath)).certificate,
          certFile: labels.cert,
          privateKey: await readPrivateKeyFile(identity.keyPath),
          keyFile: labels.key,
        })
      : await inspectPfx(identity.pfxPath, identity.passphrase, labels);
  // The local PKI renews its short-lived certificates by itself (lib/pki/local-pki.ts), so a
  // mock certificate that expires within the month is normal, not a warning.
  const findings =
    target.name === 'mock'
      ? inspection.findings.filter((finding) => finding.code !== 'CDLX_CERT_EXPIRES_SOON')
      : inspection.findings;
  return { report: inspection.certificate, findings, ok: !hasErrors(findings) };
}

async function inspectPfx(
  pfxPath: string,
  passphrase: string,
  labels: { cert: string; passphrase: string },
): Promise<ReturnType<typeof inspectCertificate>> {
  const material = await readCertificateFile(pfxPath, {
    passphrase,
    passphraseSource: labels.passphrase,
  });
  const [, ...chain] = material.certificates;
  return inspectCertificate({
    certificate: material.certificate,
    certFile: labels.cert,
    chain,
    ...(material.privateKey ? { privateKey: material.privateKey, keyFile: labels.cert } : {}),
  });
}

function fileLabels(target: Target): { cert: string; key: string; passphrase: string } {
  if (target.name === 'mock') {
    const { identity } = target;
    return identity.kind === 'pem'
      ? { cert: identity.certPath, key: identity.keyPath, passphrase: 'the passphrase' }
      : { cert: identity.pfxPath, key: identity.pfxPath, passphrase: 'the passphrase' };
  }
  const prefix = variablePrefix(target.name);
  return target.identity.kind === 'pem'
    ? { cert: `${prefix}_CERT`, key: `${prefix}_KEY`, passphrase: '' }
    : {
        cert: `${prefix}_PFX`,
        key: `${prefix}_PFX`,
        passphrase: `the variable ${prefix}_PFX_PASSPHRASE`,
      };
}
