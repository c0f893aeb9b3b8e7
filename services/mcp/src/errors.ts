import { COMMON_ERROR_CODES, defineErrorCodes } from '@mana/http';

/** Every HTTP error the gateway answers with (tool failures are MCP results, not these). */
export const fail = defineErrorCodes({
  ...COMMON_ERROR_CODES,
  INVALID_TOKEN: { status: 401, message: 'The bearer token is missing, invalid or expired' },
  FORBIDDEN_SPACE: { status: 403, message: 'You are not a member of this space' },
  NO_PERSONAL_SPACE: { status: 403, message: 'Your account has no personal space' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This stateless server only answers POST /mcp' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than 1 MB' },
});
