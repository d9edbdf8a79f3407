// 登录: in development a list of demo identities (tokens signed here with the configured secret); always a field to
// paste a real token, which is verified exactly as the API verifies a bearer token before it is kept in the cookie.
import { Hono } from 'hono';
import type { Actor } from '../../../policies/abilities.js';
import { AuthenticationError } from '../../auth/authentication-error.js';
import { signToken, type TokenVerifier } from '../../auth/tokens.js';
import { FlashNotice, type Flash } from '../components/notice-box.js';
import { demoIdentities } from '../demo-identities.js';
import { Layout } from '../layout.js';
import { field, frameOf, safeBack, type WebContext } from '../page-context.js';
import { clearSessionCookie, setSessionCookie } from '../session.js';
import type { WebEnv } from '../web-env.js';

export interface SignInOptions {
  /** Offer the demo identities (never in production). */
  devSignIn: boolean;
  jwtSecret?: string;
  verifyToken: TokenVerifier;
}

/** Where each role starts its day. */
export function homeOf(actor: Actor): string {
  switch (actor.role) {
    case 'citizen':
    case 'employer':
      return '/web/cases';
    case 'caseworker':
    case 'reviewer':
      return '/web/tasks?view=available';
    case 'supervisor':
      return '/web/supervisor';
    case 'auditor':
    case 'admin':
      return '/web/audit';
  }
}

function renderSignIn(c: WebContext, options: SignInOptions, refusal?: Flash) {
  const { t, lang } = c.var;
  const next = safeBack(c.req.query('next'), '');
  const demos = options.devSignIn && options.jwtSecret !== undefined;
  return c.html(
    <Layout frame={frameOf(c)} title={t('signIn')}>
      {refusal && <FlashNotice flash={refusal} t={t} lang={lang} />}
      {demos && (
        <section aria-labelledby="demo">
          <h2 id="demo">{t('demoIdentities')}</h2>
          <p>{t('demoHint')}</p>
          <form method="post" action="/web/sign-in" class="demo-list">
            <input type="hidden" name="next" value={next} />
            {demoIdentities.map((identity) => (
              <button type="submit" name="identity" value={identity.key} data-identity={identity.key}>
                {identity.label[lang]}
              </button>
            ))}
          </form>
        </section>
      )}
      <section aria-labelledby="paste">
        <h2 id="paste">{t('pasteToken')}</h2>
        <form method="post" action="/web/sign-in" class="stack">
          <input type="hidden" name="next" value={next} />
          <label>
            {t('token')}
            <textarea name="token" rows={4} required autocomplete="off" spellcheck={false}></textarea>
          </label>
          <button type="submit">{t('useToken')}</button>
        </form>
      </section>
    </Layout>,
    refusal ? 401 : 200,
  );
}

export const signInPages = (options: SignInOptions) =>
  new Hono<WebEnv>()
    .get('/', (c) => c.redirect(c.var.session ? homeOf(c.var.session.actor) : '/web/sign-in', 303))
    .get('/sign-in', (c) => renderSignIn(c, options))
    .post('/sign-in', async (c) => {
      const form = await c.req.parseBody();
      let token = field(form, 'token');
      const identity = field(form, 'identity');
      if (identity) {
        const demo = demoIdentities.find((candidate) => candidate.key === identity);
        if (!options.devSignIn || options.jwtSecret === undefined || !demo) return renderSignIn(c, options, { kind: 'error', text: c.var.t('demoSignInOff') });
        token = await signToken(options.jwtSecret, demo.claims);
      }
      let actor: Actor;
      try {
        actor = await options.verifyToken(token);
      } catch (error) {
        // The verifier's refusal, worded like the API's 401 (its code picks the Chinese sentence).
        const refusal: Flash =
          error instanceof AuthenticationError
            ? { kind: 'error', problem: { status: 401, code: error.code, title: 'Unauthorized', detail: error.message } }
            : { kind: 'error', text: c.var.t('tokenRefused') };
        return renderSignIn(c, options, refusal);
      }
      setSessionCookie(c, token, new URL(c.req.url).protocol === 'https:');
      return c.redirect(safeBack(field(form, 'next'), homeOf(actor)), 303);
    })
    .post('/sign-out', (c) => {
      clearSessionCookie(c);
      return c.redirect('/web/sign-in', 303);
    });
