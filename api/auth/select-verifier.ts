import { discoverJwksUrl, oidcVerifier, type OidcAlgorithm } from './oidc-verifier.js';
import { hs256Verifier, type TokenVerifier } from './tokens.js';

/** How bearer tokens are verified, chosen by configuration (bin/config.ts, docs/operations.md "Sign-in"). */
export type VerifierConfig =
  { mode: 'hs256'; jwtSecret: string } | { mode: 'oidc'; issuer: string; audience: string; jwksUrl?: string | undefined; algorithms: readonly OidcAlgorithm[] };

/** The verifier for `config`; with an identity provider and no JWKS URL, the URL is discovered once at start. */
export async function tokenVerifierFor(config: VerifierConfig): Promise<TokenVerifier> {
  if (config.mode === 'hs256') return hs256Verifier(config.jwtSecret);
  const jwksUrl = config.jwksUrl === undefined ? await discoverJwksUrl(config.issuer) : new URL(config.jwksUrl);
  return oidcVerifier({ issuer: config.issuer, audience: config.audience, jwksUrl, algorithms: config.algorithms });
}
