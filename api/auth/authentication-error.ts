/** Why a caller was not authenticated; each becomes the problem `code` of a 401. */
export type AuthenticationFailure = 'UNAUTHENTICATED' | 'TOKEN_EXPIRED' | 'INVALID_CLAIMS';

/**
 * Thrown by a TokenVerifier or the authenticate middleware. Kept out of DomainErrorCode on purpose: who the caller
 * is belongs to the HTTP edge, not to the domain, and any identity-provider verifier throws the same class.
 * The message is returned to the client, so it must never contain the token itself.
 */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  constructor(
    readonly code: AuthenticationFailure,
    message: string,
    /** The `WWW-Authenticate` challenge (RFC 6750 §3): plain `Bearer` when no credentials were sent at all. */
    readonly challenge = 'Bearer error="invalid_token"',
  ) {
    super(message);
  }
}
