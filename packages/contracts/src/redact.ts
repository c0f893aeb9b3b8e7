/** What a redacted secret is replaced with. */
export const REDACTED = '[redacted]';

/**
 * Secret-shaped text, most specific first. Each pattern keeps its label (group 1, when
 * present) and replaces the secret itself, so a reader still sees that a token was there.
 */
const PATTERNS: readonly RegExp[] = [
  // PEM private keys, whole block.
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  // `Authorization: Bearer …`, `Basic …`, and a bare `Bearer …` anywhere.
  /(\b(?:bearer|basic)\s+)[A-Za-z0-9\-._~+/]+=*/gi,
  // JWTs (three base64url parts, the first a JSON header `eyJ…`).
  /(\b)eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  // Provider keys: Anthropic/OpenAI `sk-…`, GitHub `ghp_…`, Slack `xox?-…`, AWS `AKIA…`.
  /(\b)(?:sk-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16})/g,
];

/**
 * The value of a password-, token-, key- or secret-named field, in JSON (`"token": "…"`,
 * a whole quoted string), query strings and prose (`password=…`, up to a separator).
 */
const FIELD =
  /((?:"|\b)(?:pass(?:word|wd)?|secret|client_secret|api[_-]?key|access[_-]?token|refresh[_-]?token|id[_-]?token|token|service[_-]?key|authorization|cookie|set-cookie|x-service-key)"?\s*[:=]\s*)(?:"((?:[^"\\]|\\.)*)"|(?!\[redacted\]|bearer\b|basic\b)([^\s",;}&]{3,}))/gi;

/**
 * Replaces secrets in free text with `[redacted]`: bearer and basic credentials, JWTs,
 * provider API keys, private keys, and the values of password-, token-, key- and
 * secret-named fields (in JSON, query strings and prose). Applied to every transcript
 * entry by the runner before it leaves the process and again by the identity service
 * before it is stored, so a token a tool echoes back never reaches the database.
 * Deliberately greedy: a false positive hides a harmless word, a miss leaks a credential.
 *
 * @example
 * redactSecrets('Authorization: Bearer abc.def'); // 'Authorization: [redacted]'
 */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (_match, label?: unknown) =>
      typeof label === 'string' ? `${label}${REDACTED}` : REDACTED,
    );
  }
  return out.replace(FIELD, (match, label: string, quoted?: string) => {
    if (quoted !== undefined) return quoted === REDACTED ? match : `${label}"${REDACTED}"`;
    return `${label}${REDACTED}`;
  });
}
