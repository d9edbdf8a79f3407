// The personal-data scan of the test suite (issue 15 point 4): every response body of the API end-to-end tests (all
// of them go through TestSystem.call, test/support/system.ts) and every line the API logs are searched for unmasked
// ID numbers, phone numbers, bank accounts and medical details with the detector the production audit uses
// (domain/identity/personal-data-scan.ts). An answer may carry them only to a role that needs them; a log line never.
import { findPersonalData, findPersonalDataInText, type PersonalDataFinding } from '../../domain/identity/personal-data-scan.js';
import { maskCitizenId, maskPhone } from '../../domain/identity/masking.js';
import { defineAbilityFor, type Actor } from '../../policies/abilities.js';

export interface RecordedAnswer {
  method: string;
  path: string;
  status: number;
  /** Who asked, from the token's claims; null without (or with an unreadable) token. */
  caller: { role: string; sub: string; region?: string; employer?: string } | null;
  body: unknown;
}

/** The claims of a bearer token, read without verifying it (the API verified it; this only labels the traffic). */
export function callerOf(token: string | undefined): RecordedAnswer['caller'] {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as RecordedAnswer['caller'];
    return claims && typeof claims.role === 'string' && typeof claims.sub === 'string' ? claims : null;
  } catch {
    return null;
  }
}

/**
 * Whether the caller's role needs `finding` unmasked: staff whose CASL ability may read personal data unmasked
 * (caseworkers, reviewers, supervisors of their region — the presenters decide per object), and a citizen their own
 * record. Employer agents, auditors, administrators and anonymous callers never need it.
 */
function mayReceive(caller: RecordedAnswer['caller'], finding: PersonalDataFinding): boolean {
  if (caller === null) return false;
  if (caller.role === 'citizen') return finding.kind !== 'citizenId' || finding.value === caller.sub.toUpperCase();
  try {
    const ability = defineAbilityFor({ id: caller.sub, role: caller.role, region: caller.region, employer: caller.employer } as Actor);
    return ability.rulesFor('readUnmasked', 'Case').some((rule) => !rule.inverted) || ability.rulesFor('readUnmasked', 'Person').some((rule) => !rule.inverted);
  } catch {
    return false;
  }
}

const shown = (finding: PersonalDataFinding): string =>
  finding.kind === 'citizenId'
    ? maskCitizenId(finding.value)
    : finding.kind === 'phone'
      ? maskPhone(finding.value)
      : finding.kind === 'medical'
        ? finding.value
        : '****';

/** Every leak in the recorded traffic and log lines, one readable line each (values masked); empty when clean. */
export function personalDataLeaks(answers: readonly RecordedAnswer[], logLines: readonly string[]): string[] {
  const leaks: string[] = [];
  for (const answer of answers) {
    // The API's description is not data: its examples are the standard's specimen numbers (GB 11643).
    if (answer.path.startsWith('/openapi.json') || answer.path.startsWith('/docs')) continue;
    for (const finding of findPersonalData(answer.body)) {
      if (!mayReceive(answer.caller, finding)) {
        leaks.push(
          `${answer.method} ${answer.path} → ${answer.status} to ${answer.caller?.role ?? 'anonymous'}: unmasked ${finding.kind} ${shown(finding)} at ${finding.path}`,
        );
      }
    }
  }
  for (const line of logLines) {
    for (const finding of findPersonalDataInText(line)) leaks.push(`log line: unmasked ${finding.kind} ${shown(finding)} in ${line.slice(0, 160)}`);
  }
  return leaks;
}
