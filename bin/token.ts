// npm run token -- --role caseworker --region 330102 --sub cw-001 [--employer CODE] [--name 张三] [--ttl-hours 8]
// Mints a development token with the configured secret (docs/api.md, Authentication). The token is printed
// alone on the last line so scripts can take it with `tail -n 1`.
import { parseArgs } from 'node:util';
import { TokenRequest, signToken } from '../api/auth/tokens.js';
import { loadConfig } from './config.js';

const usage = `Usage: npm run token -- --role <role> --sub <user id> [--region <6 digits>] [--employer <credit code>]
                       [--name <display name>] [--ttl-hours <hours, default 8>]
  roles: citizen (sub = 18-character ID number), employer (needs --employer),
         caseworker | reviewer | supervisor | auditor | admin (need --region)
Example: npm run token -- --role caseworker --region 330102 --sub cw-001`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

function readOptions() {
  try {
    return parseArgs({
      options: {
        role: { type: 'string' },
        sub: { type: 'string' },
        region: { type: 'string' },
        employer: { type: 'string' },
        name: { type: 'string' },
        'ttl-hours': { type: 'string', default: '8' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
}

const options = readOptions();
if (options.help === true) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

const ttlHours = Number(options['ttl-hours']);
if (!Number.isFinite(ttlHours) || ttlHours <= 0 || ttlHours > 24 * 30) {
  fail('--ttl-hours must be a number of hours above 0 and at most 720');
}

const request = TokenRequest.safeParse({
  sub: options.sub,
  role: options.role,
  region: options.region,
  employer: options.employer,
  name: options.name,
});
if (!request.success) {
  const option = (path: PropertyKey[]) => `--${path.map(String).join('.') || 'options'}`;
  fail(request.error.issues.map((issue) => `${option(issue.path)} ${issue.message}`).join('\n'));
}

const claims = request.data;
const token = await signToken(loadConfig().auth.jwtSecret, claims, { expiresInSeconds: Math.round(ttlHours * 3600) });
const scope = claims.region ?? claims.employer;
const who = `${claims.role} ${claims.sub}${scope === undefined ? '' : ` (${scope})`}`;
process.stdout.write(`Token for ${who}, valid ${ttlHours} h:\n`);
process.stdout.write(`${token}\n`);
