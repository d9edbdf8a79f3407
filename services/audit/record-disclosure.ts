import { maskBankAccount, maskCitizenId, maskPhone } from '../../domain/identity/masking.js';
import type { PersonalDataFinding, PersonalDataKind } from '../../domain/identity/personal-data-scan.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { auditActor, type CommandContext } from '../command-context.js';

/** How many subjects one audit entry names; a longer list is counted, not listed. */
const MAX_SUBJECTS = 50;

const masked = (finding: PersonalDataFinding): string =>
  finding.kind === 'citizenId'
    ? maskCitizenId(finding.value)
    : finding.kind === 'phone'
      ? maskPhone(finding.value)
      : finding.kind === 'bankAccount'
        ? maskBankAccount(finding.value)
        : finding.value;

/**
 * 敏感信息查阅留痕: writes one audit entry `personal-data.read` for an answer that gave the caller unmasked ID numbers,
 * phone numbers, bank accounts or medical details (经办条例 arts. 36–38; 个人信息保护法 art. 28 sensitive personal
 * information). The entry names what was disclosed — kinds, counts and the subjects, masked — and where (the route),
 * never the values themselves. A citizen reading their own record is not a disclosure and is not recorded.
 */
export async function recordDisclosure(
  ctx: CommandContext,
  read: { method: string; route: string; path: string; findings: PersonalDataFinding[] },
): Promise<boolean> {
  const findings = read.findings.filter((f) => !(ctx.actor.role === 'citizen' && f.kind === 'citizenId' && f.value === ctx.actor.id));
  if (findings.length === 0 || (ctx.actor.role === 'citizen' && findings.every((f) => f.kind !== 'citizenId' && f.kind !== 'bankAccount'))) return false;
  const counts: Partial<Record<PersonalDataKind, number>> = {};
  const subjects = new Set<string>();
  for (const finding of findings) {
    counts[finding.kind] = (counts[finding.kind] ?? 0) + 1;
    subjects.add(`${finding.kind}:${masked(finding)}`);
  }
  const listed = [...subjects].slice(0, MAX_SUBJECTS);
  const who = auditActor(ctx);
  await appendAudit(ctx.em.fork(), {
    at: ctx.clock.now(),
    actorId: who.id,
    actorRole: who.role,
    region: ctx.actor.region ?? null,
    action: 'personal-data.read',
    objectType: 'PersonalData',
    objectId: `${read.method} ${read.route}`.slice(0, 64),
    requestId: who.requestId,
    detail: { path: read.path, counts, subjects: listed, more: subjects.size - listed.length },
  });
  return true;
}
