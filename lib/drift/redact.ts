/** Field and header names whose values are never shown: tokens, secrets, passphrases. */
const SECRET_NAME = /token|secret|passphrase|password|authorization|cookie|api[-_]?key/i;
/** A JWT anywhere (session tokens are JWTs), whatever field it hides in. */
const JWT = /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const REDACTED = '[redacted]';

/**
 * Removes secrets from what goes into a drift report: values under secret-like names, JWTs, and
 * every exact secret the recorder saw go by (session tokens from requests and startSession
 * answers), wherever they appear.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remembers a value that must never appear in a report. */
  addSecret(value: string | undefined): void {
    if (value && value.length >= 8) this.secrets.add(value);
  }

  redact(value: unknown, name?: string): unknown {
    if (name !== undefined && SECRET_NAME.test(name)) return REDACTED;
    if (typeof value === 'string') return this.redactText(value);
    if (Array.isArray(value)) return value.map((item) => this.redact(item));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, child]) => [key, this.redact(child, key)]),
      );
    }
    return value;
  }

  redactText(text: string): string {
    let result = text.replace(JWT, REDACTED);
    for (const secret of this.secrets) result = result.split(secret).join(REDACTED);
    return result;
  }
}

/** A short JSON rendering of a value for an example column. */
export function preview(value: unknown, maxLength = 120): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > maxLength ? `${text.slice(0, maxLength - 3)}...` : text;
}
