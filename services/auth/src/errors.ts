import { COMMON_ERROR_CODES, defineErrorCodes } from '@mana/http';

/** Every error the identity service answers with: `throw fail('PERSONA_NOT_FOUND')`. */
export const fail = defineErrorCodes({
  ...COMMON_ERROR_CODES,
  INVALID_CREDENTIALS: { status: 401, message: 'Email or password is wrong' },
  RATE_LIMITED: { status: 429, message: 'Too many failed logins; try again later' },
  PERSONA_NOT_FOUND: { status: 404, message: 'No persona has this id' },
  USER_NOT_FOUND: { status: 404, message: 'No account has this email' },
  BATCH_TOO_LARGE: { status: 413, message: 'The batch has too many rows' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than 1 MB' },
});

/** The identity service's error codes. */
export const AUTH_ERROR_CODES = fail.codes;
