// Bearer tokens (docs/api.md, Authentication). HS256 with a shared secret (development, tests, service tokens);
// production selects an identity provider's verifier by configuration (api/auth/oidc-verifier.ts), because the rest
// of the API only sees a TokenVerifier.
import { sign, verify } from 'hono/jwt';
import { JwtAlgorithmMismatch, JwtTokenSignatureMismatched, type JWTPayload } from 'hono/utils/jwt/types';
import { z } from 'zod';
import { isCitizenId } from '../../domain/identity/citizen-id.js';
import { roles, type Actor, type Role } from '../../policies/abilities.js';
import { CreditCodeField, RegionCode } from '../schemas/common.js';
import { AuthenticationError } from './authentication-error.js';

/** Roles that act for the agency and are scoped to the region they serve (docs/architecture.md, Permissions). */
export const staffRoles = ['caseworker', 'reviewer', 'supervisor', 'auditor', 'admin'] as const satisfies Role[];

const isStaff = (role: Role): boolean => (staffRoles as readonly Role[]).includes(role);

const ClaimsBody = z
  .object({
    sub: z.string().trim().min(1, { error: 'must name the user' }).max(64),
    role: z.enum(roles, { error: `must be one of ${roles.join(', ')}` }),
    region: RegionCode.optional(),
    employer: CreditCodeField.optional(),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((claims, ctx) => {
    // A citizen is their ID number (docs/architecture.md, Permissions); anything else could never match their own cases.
    if (claims.role === 'citizen' && !isCitizenId(claims.sub)) {
      ctx.addIssue({ code: 'custom', path: ['sub'], message: 'must be a valid 18-character citizen ID for a citizen' });
    }
    if (isStaff(claims.role) && claims.region === undefined) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: `is required for role ${claims.role}` });
    }
    if (claims.role === 'employer' && claims.employer === undefined) {
      ctx.addIssue({ code: 'custom', path: ['employer'], message: 'is required for role employer (the credit code)' });
    }
  });

/** The claims a caller may ask a token for (what `npm run token` validates before signing). */
export const TokenRequest = ClaimsBody;
export type TokenRequest = z.input<typeof TokenRequest>;

/** The claims a verified token must carry. `exp` is mandatory: a token that never expires is refused. */
export const TokenClaims = z.intersection(
  ClaimsBody,
  z.object({
    exp: z.number({ error: 'must be the expiry in seconds since the epoch' }).int(),
    iat: z.number().int().optional(),
  }),
);
export type TokenClaims = z.infer<typeof TokenClaims>;

/** Resolves a bearer token to the caller, or throws AuthenticationError. The seam for an identity provider. */
export type TokenVerifier = (token: string) => Promise<Actor>;

/** One sentence per offending claim, e.g. "Token claim 'region' is required for role caseworker". */
export function describeClaimIssues(error: z.ZodError): string {
  const claimName = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.') || '(payload)';
  return error.issues.map((issue) => `Token claim '${claimName(issue)}' ${issue.message}`).join('; ');
}

// A citizen's id is their canonical ID number (upper-case X), the value their cases carry.
const canonicalSub = (role: Role, sub: string): string => (role === 'citizen' ? sub.toUpperCase() : sub);

function toActor(claims: TokenClaims): Actor {
  return {
    id: canonicalSub(claims.role, claims.sub),
    role: claims.role,
    ...(claims.region === undefined ? {} : { region: claims.region }),
    ...(claims.employer === undefined ? {} : { employer: claims.employer }),
    ...(claims.name === undefined ? {} : { name: claims.name }),
  };
}

/**
 * Signs an HS256 token for the given claims after validating them with the same schema the verifier uses, so a
 * minted token is always accepted while it is fresh. Throws an Error naming the bad claims.
 */
export async function signToken(
  secret: string,
  claims: TokenRequest,
  { expiresInSeconds = 8 * 3600, now = Date.now() }: { expiresInSeconds?: number; now?: number } = {},
): Promise<string> {
  const parsed = TokenRequest.safeParse(claims);
  if (!parsed.success) throw new Error(describeClaimIssues(parsed.error));
  const iat = Math.floor(now / 1000);
  const sub = canonicalSub(parsed.data.role, parsed.data.sub);
  return sign({ ...parsed.data, sub, iat, exp: iat + expiresInSeconds }, secret, 'HS256');
}

/**
 * Development verifier: HS256 with the configured secret. The signature is checked before anything in the payload
 * is believed (expiry included), so a forged token never learns whether its claims would have passed.
 */
export function hs256Verifier(secret: string, clock: () => number = Date.now): TokenVerifier {
  return async (token) => {
    let payload: JWTPayload;
    try {
      payload = await verify(token, secret, { alg: 'HS256', exp: false });
    } catch (err) {
      // hono's JWT errors quote the token; only a fixed description leaves this function.
      const detail =
        err instanceof JwtTokenSignatureMismatched
          ? 'Token signature is not valid'
          : err instanceof JwtAlgorithmMismatch
            ? 'Token must be signed with HS256'
            : 'Token is not a well-formed, currently valid JWT';
      throw new AuthenticationError('UNAUTHENTICATED', detail);
    }
    if (typeof payload.exp === 'number' && payload.exp <= Math.floor(clock() / 1000)) {
      throw new AuthenticationError('TOKEN_EXPIRED', 'Token has expired; ask for a new one');
    }
    return actorFromClaims(payload);
  };
}

/**
 * The caller a verified token's claims describe, by the same schema whoever signed it (this API's HS256 key or an
 * identity provider, api/auth/oidc-verifier.ts). Throws AuthenticationError INVALID_CLAIMS naming each bad claim.
 */
export function actorFromClaims(payload: unknown): Actor {
  const claims = TokenClaims.safeParse(payload);
  if (!claims.success) throw new AuthenticationError('INVALID_CLAIMS', describeClaimIssues(claims.error));
  return toActor(claims.data);
}
