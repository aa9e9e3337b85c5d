import { issueCertificate, type Issuer } from '../../lib/pki/certificates.js';
import { issueCrl } from '../../lib/pki/crl.js';
import { createIdentity, type Identity, type LeafOptions } from '../../lib/pki/identity.js';
import { generateRsaKeyPair } from '../../lib/pki/keys.js';
import type { MockTlsMaterial } from '../../mock-server/server.js';

/** A CA made in memory; no file is written. */
export async function createTestCa(commonName: string, issuer?: Issuer): Promise<Issuer> {
  const keys = await generateRsaKeyPair(2048);
  const certPem = issueCertificate({
    subject: [{ shortName: 'CN', value: commonName }],
    publicKeyPem: keys.publicKeyPem,
    ...(issuer ? { issuer } : { selfKeyPem: keys.privateKeyPem }),
    validityDays: 2,
    isCa: true,
  });
  return { certPem, keyPem: keys.privateKeyPem };
}

/** A client leaf as a bank gets it: clientAuth, digitalSignature, RSA 2048, SHA-256. */
export function clientLeaf(commonName: string, overrides: Partial<LeafOptions> = {}): LeafOptions {
  return {
    subject: [
      { shortName: 'O', value: 'cdlx tests' },
      { shortName: 'CN', value: commonName },
    ],
    validityDays: 2,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extendedKeyUsage: ['clientAuth'],
    ...overrides,
  };
}

export interface TestPki {
  ca: Issuer;
  /** What startMockServer needs: a server certificate from `ca`, and `ca` (with its CRL) for clients. */
  tls: MockTlsMaterial;
  /** A client identity the server accepts. */
  client: Identity;
}

/**
 * A CA, its empty revocation list, a server identity for 127.0.0.1 and a good client identity, all
 * in memory: tests that start their own mock need nothing from certs/.
 */
export async function createTestPki(name = 'cdlx test CA'): Promise<TestPki> {
  const ca = await createTestCa(name);
  const [server, client] = await Promise.all([
    createIdentity(ca, {
      subject: [{ shortName: 'CN', value: 'cdlx test server' }],
      validityDays: 2,
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      extendedKeyUsage: ['serverAuth'],
      ipAddresses: ['127.0.0.1'],
      dnsNames: ['localhost'],
    }),
    createIdentity(ca, clientLeaf('cdlx test client')),
  ]);
  return {
    ca,
    tls: {
      certPem: server.certPem,
      keyPem: server.keyPem,
      clientCaPem: ca.certPem,
      clientCrlPem: issueCrl(ca),
    },
    client,
  };
}
