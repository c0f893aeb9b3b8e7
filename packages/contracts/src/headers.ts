/**
 * The HTTP header names of the contract, lower-case as Node and Hono read them. Every
 * client sends these and every server reads these; nobody spells them again.
 */
export const HEADERS = {
  /** The shared secret of the internal and admin APIs and the gateway's fault drill. */
  serviceKey: 'x-service-key',
  /** The space a gateway connection acts in (default: the caller's personal space). */
  space: 'x-mana-space',
  /** Comma-separated modules a gateway connection may list and call (default: all). */
  modules: 'x-mana-modules',
} as const;

/** How the headers are written in docs and error messages. */
export const HEADER_DISPLAY_NAMES = {
  serviceKey: 'X-Service-Key',
  space: 'X-Mana-Space',
  modules: 'X-Mana-Modules',
} as const satisfies Record<keyof typeof HEADERS, string>;
