export { bearerToken } from './bearer-token';
export {
  createTokenVerifier,
  type TokenKeySource,
  type TokenVerifier,
  type TokenVerifierOptions,
} from './token-verifier';
