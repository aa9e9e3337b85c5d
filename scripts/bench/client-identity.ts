import { readFileSync } from 'node:fs';
import { createSecureContext, type SecureContext } from 'node:tls';

import { localPkiPaths } from '../../lib/pki/local-pki.js';

/**
 * The local client identity and CA as one TLS context, built once and shared by every connection
 * (one context per identity: building one per connection costs more than the handshake's server
 * side and would make the client the bottleneck).
 */
export function clientContext(certsDir: string): SecureContext {
  const paths = localPkiPaths(certsDir);
  return createSecureContext({
    cert: readFileSync(paths.client.certPath),
    key: readFileSync(paths.client.keyPath),
    ca: readFileSync(paths.ca.certPath),
  });
}
