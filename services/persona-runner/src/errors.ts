import { COMMON_ERROR_CODES, defineErrorCodes } from '@mana/http';

/** Every HTTP error the runner answers with. */
export const fail = defineErrorCodes({
  ...COMMON_ERROR_CODES,
  TICK_IN_FLIGHT: {
    status: 409,
    message: 'A tick is already running; try again when it has finished',
  },
  RUNNER_PAUSED: { status: 409, message: 'The runner is paused; resume it first' },
  RUNNER_DISABLED: { status: 503, message: 'The runner is not configured to tick' },
  PERSONA_NOT_FOUND: {
    status: 404,
    message: 'No persona account signs in with this email',
  },
  LOGIN_FAILED: { status: 502, message: 'The persona could not log in' },
  TICK_FAILED: { status: 502, message: 'The tick failed' },
});
