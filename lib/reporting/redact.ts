/** What replaces a secret in reports; says what kind of value was there, never any of it. */
export const REDACTED = '[redacted]';

/**
 * Literal secrets shorter than this are not replaced on their own: a two-letter passphrase would
 * turn every report into noise. Values in a recognised place (a token header, a sessionToken
 * field) are redacted whatever their length.
 */
export const MIN_LITERAL_SECRET_LENGTH = 6;

/**
 * Secrets in a recognisable place: the session-token header as Playwright's call log prints it
 * (`x-cdlx-session-token: <value>`), a `sessionToken` field in JSON or a pretty-printed object,
 * a JWT anywhere (the token format the reference sheet documents), and PEM private keys.
 */
const PATTERNS: readonly [RegExp, string][] = [
  // A value ends at white space, a quote, a comma, a brace, or the ESC that starts the colour
  // reset Playwright's call log puts after it.
  // eslint-disable-next-line no-control-regex -- ESC ends the value, see above
  [/(x-cdlx-session-token["']?\s*[:=]\s*["']?)[^\s"',}\u001b]+/gi, `$1${REDACTED}`],
  // eslint-disable-next-line no-control-regex -- ESC ends the value, see above
  [/(\\?["']?sessionToken\\?["']?\s*[:=]\s*\\?["']?)[^\s"'\\,}\u001b]+/gi, `$1${REDACTED}`],
  [/\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g, REDACTED],
  [
    /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]*?-----END \1-----/g,
    `-----BEGIN $1-----${REDACTED}-----END $1-----`,
  ],
];

export type Redactor = (text: string) => string;

/**
 * Builds a function that removes `secrets` (passphrases, key paths, tokens seen during the run)
 * and the known patterns from a piece of text. Longer secrets go first, so a secret that contains
 * another is removed whole.
 *
 * @example createRedactor(['s3cret-pass'])('passphrase s3cret-pass') // 'passphrase [redacted]'
 */
export function createRedactor(secrets: Iterable<string>): Redactor {
  const literals = [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_LITERAL_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text;
    for (const literal of literals) result = result.split(literal).join(REDACTED);
    for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
    return result;
  };
}
