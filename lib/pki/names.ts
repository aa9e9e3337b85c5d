import forge from 'node-forge';

import { UsageError } from '../errors.js';

/** One relative distinguished name, in the order it appears in the subject. */
export interface NameField {
  /** Short name as openssl prints it: C, ST, L, O, OU, CN, emailAddress. */
  shortName: string;
  value: string;
}

/** The DN fields openssl's default config asks for, in its order. */
export const DN_FIELDS = [
  { shortName: 'C', prompt: 'Country Name (2 letter code)' },
  { shortName: 'ST', prompt: 'State or Province Name (full name)' },
  { shortName: 'L', prompt: 'Locality Name (eg, city)' },
  { shortName: 'O', prompt: 'Organization Name (eg, company)' },
  { shortName: 'OU', prompt: 'Organizational Unit Name (eg, section)' },
  { shortName: 'CN', prompt: 'Common Name (e.g. server FQDN or YOUR name)' },
  { shortName: 'emailAddress', prompt: 'Email Address' },
] as const;

const KNOWN_SHORT_NAMES = new Set<string>(DN_FIELDS.map((field) => field.shortName));

/**
 * Parses an openssl-style subject such as `/C=US/O=Example Bank/CN=UAT`. A `\/` inside a value is a
 * literal slash, as in `openssl req -subj`.
 */
export function parseSubject(subject: string): NameField[] {
  const trimmed = subject.trim();
  if (!trimmed.startsWith('/')) {
    throw new UsageError(`The subject "${subject}" must start with "/".`, {
      hint: 'Write it as openssl does, e.g. --subject "/C=US/O=Example Bank/CN=UAT".',
    });
  }
  const parts = trimmed
    .slice(1)
    .split(/(?<!\\)\//)
    .filter((part) => part.length > 0);
  return parts.map((part) => {
    const eq = part.indexOf('=');
    const shortName = eq > 0 ? part.slice(0, eq).trim() : '';
    const value = part.slice(eq + 1).replace(/\\\//g, '/');
    if (!KNOWN_SHORT_NAMES.has(shortName)) {
      throw new UsageError(`Unknown subject field "${part}" in "${subject}".`, {
        hint: `Use only ${[...KNOWN_SHORT_NAMES].join(', ')}.`,
      });
    }
    if (value.trim() === '') {
      throw new UsageError(`The subject field ${shortName} in "${subject}" is empty.`, {
        hint: 'Leave the field out instead of giving it an empty value.',
      });
    }
    return { shortName, value };
  });
}

/** Formats fields back into the openssl one-line form. */
export function formatSubject(fields: readonly NameField[]): string {
  return fields.map((f) => `/${f.shortName}=${f.value.replace(/\//g, '\\/')}`).join('');
}

export function toForgeAttributes(fields: readonly NameField[]): forge.pki.CertificateField[] {
  return fields.map((field) =>
    field.shortName === 'emailAddress'
      ? { name: 'emailAddress', value: field.value }
      : { shortName: field.shortName, value: field.value },
  );
}

export function fromForgeAttributes(
  attributes: readonly forge.pki.CertificateField[],
): NameField[] {
  return attributes.map((attribute) => ({
    shortName: attribute.shortName ?? attribute.name ?? attribute.type ?? '?',
    value: String(attribute.value),
  }));
}
