/** Where specs send their requests, and as whom. */
export type TargetName = 'mock' | 'preprod' | 'prod';

export type ClientIdentity =
  | { kind: 'pem'; certPath: string; keyPath: string }
  | { kind: 'pfx'; pfxPath: string; passphrase: string };

export interface Target {
  name: TargetName;
  /** Origin of the API, e.g. https://publisher-uk-fiuat.cardlytics.com (no trailing slash). */
  baseURL: string;
  identity: ClientIdentity;
  /** Extra CA files to trust for the server certificate, besides the system store. */
  extraCaPaths: string[];
  /** A customer known to be enrolled, with accounts, on this target. */
  knownGoodCustomerId: string;
  institutionId: string | undefined;
}

/** Playwright's `clientCertificates` entry for a target. */
export function clientCertificatesFor(target: Target): {
  origin: string;
  certPath?: string;
  keyPath?: string;
  pfxPath?: string;
  passphrase?: string;
}[] {
  const origin = new URL(target.baseURL).origin;
  return [
    target.identity.kind === 'pem'
      ? { origin, certPath: target.identity.certPath, keyPath: target.identity.keyPath }
      : { origin, pfxPath: target.identity.pfxPath, passphrase: target.identity.passphrase },
  ];
}
