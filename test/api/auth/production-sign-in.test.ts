import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { AuthenticationError } from '../../../api/auth/authentication-error.js';
import { discoverJwksUrl, oidcVerifier } from '../../../api/auth/oidc-verifier.js';
import { tokenVerifierFor } from '../../../api/auth/select-verifier.js';
import { hs256Verifier, signToken } from '../../../api/auth/tokens.js';
import { loadConfig } from '../../../bin/config.js';

const ISSUER = 'https://id.example.test/realms/sis';
const AUDIENCE = 'sis-api';
const SECRET = 'test-secret-0123456789-0123456789-abcdef';
const STAFF = { role: 'caseworker', region: '330102', name: '王芳' } as const;

/** A stand-in identity provider: a discovery document and a JWKS whose keys the test rotates; counts key fetches. */
class FakeIdentityProvider {
  keys: JWK[] = [];
  fetches = 0;
  private server: Server | null = null;
  url = '';
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') return res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${this.url}/keys` }));
      this.fetches += 1;
      res.end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function keyPair(alg: 'RS256' | 'ES256', kid: string): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function idToken(key: { privateKey: CryptoKey; jwk: JWK }, claims: Record<string, unknown> = {}, header: { iss?: string; aud?: string; exp?: number } = {}) {
  return new SignJWT({ ...STAFF, ...claims })
    .setProtectedHeader({ alg: key.jwk.alg!, kid: key.jwk.kid })
    .setSubject('cw-oidc-1')
    .setIssuer(header.iss ?? ISSUER)
    .setAudience(header.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(header.exp ?? nowSeconds() + 600)
    .sign(key.privateKey);
}

const refusalOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return { code: (error as AuthenticationError).code, message: (error as AuthenticationError).message };
};

describe('production sign-in: the OIDC / JWKS verifier (issue 15 point 5)', () => {
  const idp = new FakeIdentityProvider();
  let rsa: Awaited<ReturnType<typeof keyPair>>;
  let ec: Awaited<ReturnType<typeof keyPair>>;
  beforeAll(async () => {
    await idp.start();
    rsa = await keyPair('RS256', 'rsa-1');
    ec = await keyPair('ES256', 'ec-1');
    idp.keys = [rsa.jwk, ec.jwk];
  });
  afterAll(async () => idp.stop());

  it('accepts RS256 and ES256 tokens of the configured issuer and audience, and fetches the keys once for many tokens', async () => {
    const verify = oidcVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: new URL(`${idp.url}/keys`) });
    const before = idp.fetches;
    expect(await verify(await idToken(rsa))).toEqual({ id: 'cw-oidc-1', role: 'caseworker', region: '330102', name: '王芳' });
    expect(await verify(await idToken(ec))).toMatchObject({ id: 'cw-oidc-1', role: 'caseworker' });
    for (let i = 0; i < 5; i += 1) await verify(await idToken(rsa));
    expect(idp.fetches - before).toBe(1);
  });

  it('refuses another issuer, another audience, an expired token, a shared-secret token, an unknown key and bad claims', async () => {
    const verify = oidcVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: new URL(`${idp.url}/keys`), cooldownMs: 0, clockToleranceSeconds: 0 });
    expect(await refusalOf(verify(await idToken(rsa, {}, { iss: 'https://evil.example' })))).toMatchObject({
      code: 'INVALID_CLAIMS',
      message: expect.stringContaining('issuer'),
    });
    expect(await refusalOf(verify(await idToken(rsa, {}, { aud: 'another-app' })))).toMatchObject({
      code: 'INVALID_CLAIMS',
      message: expect.stringContaining('audience'),
    });
    expect(await refusalOf(verify(await idToken(rsa, {}, { exp: nowSeconds() - 60 })))).toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(await refusalOf(verify(await signToken(SECRET, { sub: 'cw-1', ...STAFF })))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Token must be signed with RS256 or ES256',
    });
    const stranger = await keyPair('RS256', 'not-published');
    expect(await refusalOf(verify(await idToken(stranger)))).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('does not publish') });
    const forged = await keyPair('RS256', 'rsa-1'); // the published key id, someone else's key
    expect(await refusalOf(verify(await idToken(forged)))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token signature is not valid' });
    expect(await refusalOf(verify(await idToken(rsa, { region: undefined })))).toMatchObject({
      code: 'INVALID_CLAIMS',
      message: expect.stringContaining("'region'"),
    });
  });

  it('follows a key rotation: a token signed with the provider’s new key is accepted once the keys are fetched again', async () => {
    const verify = oidcVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: new URL(`${idp.url}/keys`), cooldownMs: 0 });
    expect(await verify(await idToken(rsa))).toMatchObject({ role: 'caseworker' });
    const next = await keyPair('RS256', 'rsa-2');
    idp.keys = [next.jwk, ec.jwk]; // rsa-1 retired
    const before = idp.fetches;
    expect(await verify(await idToken(next))).toMatchObject({ role: 'caseworker' });
    expect(idp.fetches - before).toBe(1);
    idp.keys = [rsa.jwk, next.jwk, ec.jwk];
  });

  it('is selected by configuration, its key URL discovered from the issuer; HS256 otherwise', async () => {
    expect(await discoverJwksUrl(idp.url)).toEqual(new URL(`${idp.url}/keys`));
    const viaDiscovery = await tokenVerifierFor({ mode: 'oidc', issuer: idp.url, audience: AUDIENCE, algorithms: ['ES256'] });
    expect(await viaDiscovery(await idToken(ec, {}, { iss: idp.url }))).toMatchObject({ role: 'caseworker' });
    expect(await refusalOf(viaDiscovery(await idToken(rsa, {}, { iss: idp.url })))).toMatchObject({ message: 'Token must be signed with ES256' });
    const hs = await tokenVerifierFor({ mode: 'hs256', jwtSecret: SECRET });
    expect(await hs(await signToken(SECRET, { sub: 'cw-1', ...STAFF }))).toMatchObject({ id: 'cw-1' });
  });
});

describe('start-up rules: production needs a verifier, demo sign-in only when switched on (issue 15 point 5)', () => {
  it('refuses to start in production without an identity provider or a secret, or with the demo sign-in on', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/needs a token verifier/);
    expect(() => loadConfig({ NODE_ENV: 'production', OIDC_ISSUER: ISSUER })).toThrow(/OIDC_AUDIENCE/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, DEMO_SIGN_IN: 'on' })).toThrow(/DEMO_SIGN_IN=on is refused/);
    expect(() => loadConfig({ NODE_ENV: 'production', OIDC_ALGORITHMS: 'HS256', OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE })).toThrow();
    expect(loadConfig({ NODE_ENV: 'production', OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE }).auth).toMatchObject({
      mode: 'oidc',
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['RS256', 'ES256'],
    });
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).auth).toEqual({ mode: 'hs256', jwtSecret: SECRET });
  });

  it('keeps the demo sign-in off everywhere unless the entry point (npm start) or DEMO_SIGN_IN switches it on', () => {
    expect(loadConfig({}).demoSignIn).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).demoSignIn).toBe(false);
    expect(loadConfig({}, { demoSignIn: true }).demoSignIn).toBe(true);
    expect(loadConfig({ DEMO_SIGN_IN: 'off' }, { demoSignIn: true }).demoSignIn).toBe(false);
    expect(loadConfig({ DEMO_SIGN_IN: 'on' }).demoSignIn).toBe(true);
  });
});

describe('rate limits: 429 problem+json with Retry-After (issue 15 point 5)', () => {
  const build = (limits: { signInPerMinute: number; requestsPerMinute: number; writesPerMinute: number }) =>
    createApp({
      orm: { em: { fork: () => ({}) } } as unknown as MikroORM,
      verifyToken: hs256Verifier(SECRET),
      ready: async () => ({ database: true, temporal: true }),
      mount: (v1) => {
        v1.get('/ping', (c) => c.json({ ok: true }));
        v1.post('/ping', (c) => c.json({ ok: true }));
      },
      log: () => {},
      rateLimits: limits,
      web: { devSignIn: false, jwtSecret: SECRET },
    });
  const call = (app: ReturnType<typeof build>, method: string, token: string) =>
    app.request('/v1/ping', { method, headers: { authorization: `Bearer ${token}` } });

  const expectLimited = async (response: Response, what: RegExp) => {
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await response.json()) as { code: string; detail: string; retryAfterSeconds: number };
    expect(body).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: retryAfter });
    expect(body.detail).toMatch(what);
  };

  it('limits token use per user, and writes per user on a budget of their own', async () => {
    const app = build({ signInPerMinute: 0, requestsPerMinute: 4, writesPerMinute: 2 });
    const alice = await signToken(SECRET, { sub: 'cw-alice', ...STAFF });
    const bob = await signToken(SECRET, { sub: 'cw-bob', ...STAFF });
    expect((await call(app, 'POST', alice)).status).toBe(200);
    expect((await call(app, 'POST', alice)).status).toBe(200);
    await expectLimited(await call(app, 'POST', alice), /Too many writes/);
    expect((await call(app, 'GET', alice)).status).toBe(200);
    await expectLimited(await call(app, 'GET', alice), /Too many requests/);
    expect((await call(app, 'POST', bob)).status).toBe(200);
  });

  it('limits sign-in attempts per address, and counts refused tokens against the same budget', async () => {
    const app = build({ signInPerMinute: 2, requestsPerMinute: 0, writesPerMinute: 0 });
    const form = () =>
      app.request('/web/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        body: 'token=nonsense',
      });
    expect((await form()).status).toBe(401); // the sign-in page again, with the refusal
    expect((await form()).status).toBe(401);
    await expectLimited(await form(), /Too many sign-in attempts/);

    const other = build({ signInPerMinute: 2, requestsPerMinute: 0, writesPerMinute: 0 });
    expect((await call(other, 'GET', 'forged.token.value')).status).toBe(401);
    expect((await call(other, 'GET', 'forged.token.value')).status).toBe(401);
    await expectLimited(await call(other, 'GET', 'forged.token.value'), /Too many refused tokens/);
  });

  it('limits nothing when every limit is 0', async () => {
    const app = build({ signInPerMinute: 0, requestsPerMinute: 0, writesPerMinute: 0 });
    const token = await signToken(SECRET, { sub: 'cw-free', ...STAFF });
    for (let i = 0; i < 20; i += 1) expect((await call(app, 'POST', token)).status).toBe(200);
  });
});
