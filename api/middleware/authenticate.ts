import { createMiddleware } from 'hono/factory';
import { defineAbilityFor } from '../../policies/abilities.js';
import { AuthenticationError } from '../auth/authentication-error.js';
import type { TokenVerifier } from '../auth/tokens.js';
import type { AppEnv } from '../env.js';

export type { TokenVerifier } from '../auth/tokens.js';

const BEARER = /^Bearer[ ]+([^ ]+)[ ]*$/i;

/**
 * Requires `Authorization: Bearer <token>` (docs/api.md, Authentication), resolves it with the injected
 * verifier and puts the caller and their CASL ability on the context. Every refusal is a 401 problem+json.
 */
export const authenticate = (verify: TokenVerifier) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('Authorization');
    if (header === undefined) {
      throw new AuthenticationError('UNAUTHENTICATED', 'Send an Authorization: Bearer <token> header', 'Bearer');
    }
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      throw new AuthenticationError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"', 'Bearer error="invalid_request"');
    }
    const actor = await verify(token);
    c.set('actor', actor);
    c.set('ability', defineAbilityFor(actor));
    await next();
  });
