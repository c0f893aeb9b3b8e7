export { bearerToken } from './bearer-token';
export {
  createTokenVerifier,
  type TokenKeySource,
  type TokenVerifier,
  type TokenVerifierOptions,
  type VerifiedTokenCacheOptions,
} from './token-verifier';
