// Production sign-in (issue 15 point 5): bearer tokens issued by the agency's identity provider (OpenID Connect),
// verified against the provider's published keys (JWKS). jose does the cryptography, the key cache and the refetch
// when the provider rotates its keys; this module only says what is accepted and turns jose's refusals into ours.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Actor } from '../../policies/abilities.js';
import { AuthenticationError } from './authentication-error.js';
import { actorFromClaims, type TokenVerifier } from './tokens.js';

/** The asymmetric algorithms an identity provider may sign with; a shared-secret (HS*) or `none` token is refused. */
export const oidcAlgorithms = ['RS256', 'ES256'] as const;
export type OidcAlgorithm = (typeof oidcAlgorithms)[number];

export interface OidcVerifierOptions {
  /** The `iss` every token must carry, exactly (e.g. https://id.example.gov.cn/realms/sis). */
  issuer: string;
  /** The `aud` the token must name: this API's client id at the provider. */
  audience: string;
  /** Where the provider publishes its keys (the discovery document's `jwks_uri`). */
  jwksUrl: URL;
  algorithms?: readonly OidcAlgorithm[];
  /** Keys are kept this long before they are fetched again (default 10 minutes). */
  cacheMaxAgeMs?: number;
  /**
   * A token signed with a key not in the cache makes jose fetch the keys again — a rotation — but not more often than
   * this (default 30 s), so a flood of forged key ids cannot make us hammer the provider.
   */
  cooldownMs?: number;
  /** Allowed clock difference for `exp` / `nbf` (default 30 s). */
  clockToleranceSeconds?: number;
}

/**
 * A TokenVerifier for an OIDC provider: signature by a key of the provider's JWKS with RS256 or ES256, `iss` and `aud`
 * checked, `exp` required; the claims then go through the same schema as every token (role, region, employer).
 */
export function oidcVerifier(options: OidcVerifierOptions): TokenVerifier {
  const keys = createRemoteJWKSet(options.jwksUrl, {
    cacheMaxAge: options.cacheMaxAgeMs ?? 10 * 60_000,
    cooldownDuration: options.cooldownMs ?? 30_000,
    timeoutDuration: 5_000,
  });
  const algorithms = [...(options.algorithms ?? oidcAlgorithms)];
  return async (token): Promise<Actor> => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: options.clockToleranceSeconds ?? 30,
      }));
    } catch (err) {
      throw refusal(err, algorithms);
    }
    return actorFromClaims(payload);
  };
}

/** jose's error as one of our 401s; the token itself never appears in the message. */
function refusal(err: unknown, algorithms: string[]): AuthenticationError {
  if (err instanceof errors.JWTExpired) return new AuthenticationError('TOKEN_EXPIRED', 'Token has expired; sign in again');
  if (err instanceof errors.JWTClaimValidationFailed) {
    const claim = err.claim === 'iss' ? 'issuer' : err.claim === 'aud' ? 'audience' : `claim '${err.claim}'`;
    return new AuthenticationError('INVALID_CLAIMS', `Token ${claim} is not the one this API accepts (${err.reason})`);
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return new AuthenticationError('UNAUTHENTICATED', `Token must be signed with ${algorithms.join(' or ')}`);
  if (err instanceof errors.JWKSNoMatchingKey)
    return new AuthenticationError('UNAUTHENTICATED', 'Token is signed with a key the identity provider does not publish');
  if (err instanceof errors.JWSSignatureVerificationFailed) return new AuthenticationError('UNAUTHENTICATED', 'Token signature is not valid');
  if (err instanceof errors.JWKSTimeout || !(err instanceof errors.JOSEError)) {
    return new AuthenticationError('UNAUTHENTICATED', 'The identity provider’s keys could not be fetched; try again shortly');
  }
  return new AuthenticationError('UNAUTHENTICATED', 'Token is not a well-formed, currently valid JWT');
}

/** The provider's `jwks_uri` from its discovery document (`<issuer>/.well-known/openid-configuration`). */
export async function discoverJwksUrl(issuer: string, fetchJson: (url: string) => Promise<unknown> = defaultFetchJson): Promise<URL> {
  const document = await fetchJson(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  const uri = typeof document === 'object' && document !== null && 'jwks_uri' in document ? document.jwks_uri : undefined;
  if (typeof uri !== 'string') throw new Error(`The discovery document of ${issuer} has no jwks_uri; set OIDC_JWKS_URL`);
  return new URL(uri);
}

async function defaultFetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.json();
}
