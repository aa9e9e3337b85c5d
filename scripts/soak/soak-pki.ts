import { X509Certificate } from 'node:crypto';

import { issueCertificate, type Issuer } from '../../lib/pki/certificates.js';
import { issueCrl } from '../../lib/pki/crl.js';
import { createIdentity, type Identity, type LeafOptions } from '../../lib/pki/identity.js';
import { generateRsaKeyPair } from '../../lib/pki/keys.js';
import type { MockTlsMaterial } from '../../mock-server/server.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A client that must be refused, and why. */
export interface InvalidClient {
  kind: string;
  identity: Identity | undefined;
}

export interface SoakPki {
  /** The CA the clients trust for the server. */
  caPem: string;
  /** What the server child starts with. */
  tls: MockTlsMaterial;
  good: Identity;
  invalid: InvalidClient[];
}

async function createCa(commonName: string): Promise<Issuer> {
  const keys = await generateRsaKeyPair(2048);
  return {
    keyPem: keys.privateKeyPem,
    certPem: issueCertificate({
      subject: [{ shortName: 'CN', value: commonName }],
      publicKeyPem: keys.publicKeyPem,
      selfKeyPem: keys.privateKeyPem,
      validityDays: 2,
      isCa: true,
    }),
  };
}

const leaf = (commonName: string, overrides: Partial<LeafOptions> = {}): LeafOptions => ({
  subject: [{ shortName: 'CN', value: commonName }],
  validityDays: 2,
  keyUsage: ['digitalSignature', 'keyEncipherment'],
  extendedKeyUsage: ['clientAuth'],
  ...overrides,
});

/**
 * A CA with its CRL, the server's identity, a good client, and one client of each kind the mock
 * must refuse, all in memory: the soak needs nothing from certs/.
 */
export async function createSoakPki(): Promise<SoakPki> {
  const [ca, otherCa] = await Promise.all([
    createCa('cdlx soak CA'),
    createCa('cdlx soak other CA'),
  ]);
  const [server, good, revoked, expired, caLeaf, small, stranger] = await Promise.all([
    createIdentity(ca, {
      ...leaf('cdlx soak server'),
      extendedKeyUsage: ['serverAuth'],
      ipAddresses: ['127.0.0.1'],
    }),
    createIdentity(ca, leaf('cdlx soak client')),
    createIdentity(ca, leaf('cdlx soak revoked')),
    createIdentity(ca, leaf('cdlx soak expired', { notBefore: new Date(Date.now() - 5 * DAY_MS) })),
    createIdentity(ca, leaf('cdlx soak CA leaf', { isCa: true })),
    createIdentity(ca, leaf('cdlx soak RSA-1024', { keySizeBits: 1024 })),
    createIdentity(otherCa, leaf('cdlx soak stranger')),
  ]);
  const revokedSerial = new X509Certificate(revoked.certPem).serialNumber;
  return {
    caPem: ca.certPem,
    tls: {
      certPem: server.certPem,
      keyPem: server.keyPem,
      clientCaPem: ca.certPem,
      clientCrlPem: issueCrl(ca, {
        revoked: [{ serialNumber: revokedSerial, revokedAt: new Date() }],
      }),
    },
    good,
    invalid: [
      { kind: 'no certificate', identity: undefined },
      { kind: 'another CA', identity: stranger },
      { kind: 'revoked', identity: revoked },
      { kind: 'expired', identity: expired },
      { kind: 'CA:TRUE leaf', identity: caLeaf },
      { kind: 'RSA-1024', identity: small },
    ],
  };
}
