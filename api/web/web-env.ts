import type { RequestIdVariables } from 'hono/request-id';
import type { Actor } from '../../policies/abilities.js';
import type { Lang, Translate } from './i18n/messages.js';

/** The signed-in person of a page request: their bearer token (from the HttpOnly cookie) and who it says they are. */
export interface Session {
  token: string;
  actor: Actor;
  /** The CSRF token every form of this session carries (session.ts). */
  csrf: string;
}

/** What every page handler finds on `c.var`. */
export type WebEnv = {
  Variables: RequestIdVariables & { lang: Lang; t: Translate; session: Session | null };
};
