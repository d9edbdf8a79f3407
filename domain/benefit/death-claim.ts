import { Exact, amountInput, countInput, toFen } from './benefit-arithmetic.js';
import type { DeathClaim } from './benefit-claim.js';
import type { BenefitPolicy } from './benefit-policy.js';
import { type ClaimAssessment, type ClaimRefusal, refusalOf, refusedAssessment } from './claim-assessment.js';
import type { EntitlementLine } from './entitlement.js';
import { calculateWorkInjuryDeathBenefits } from './work-injury-death.js';

/** What the records say for a funeral or survivor claim (gathered by the claim's activity). */
export interface DeathClaimFacts {
  /** For a work-injury death: whether the injury claim named was recognised (its reference and outcome). */
  injury: { reference: string; recognised: boolean } | null;
  /** The deceased's own wage (本人工资, 12 months before the death) and the regional average wage. */
  ownWage: string | null;
  regionalAverageWage: string | null;
  /** The personal pension account, inheritable (社会保险法 art. 14). */
  accountBalance: string;
}

const oneOff = (benefit: EntitlementLine['benefit'], amount: string, month: string, key: string = benefit): EntitlementLine => ({
  key,
  benefit,
  kind: 'oneOff',
  payer: 'fund',
  amount,
  startMonth: month,
  endMonth: month,
  beneficiary: null,
});

/**
 * Death benefits (rules §5.1 survivors, §5.5): a work-injury death (工伤保险条例 art. 39) pays the funeral grant
 * (6 × the regional average), the dependants' monthly pensions capped at the own wage and the one-off death grant
 * (20 × the national disposable income of the year before); any other death of an insured person pays from the
 * pension fund (社会保险法 art. 17) a funeral grant and a survivor lump sum of configured months of the regional
 * average (provincial, unverified), and the personal account to the heirs (art. 14). A funeral claim asks for the
 * funeral grant, a survivor claim for the rest. Pure.
 */
export function assessDeathClaim(claim: DeathClaim, facts: DeathClaimFacts, policy: BenefitPolicy, filedMonth: string): ClaimAssessment {
  const refusals: ClaimRefusal[] = [];
  if (claim.cause === 'workInjury' && !facts.injury?.recognised) {
    refusals.push({
      code: 'INJURY_NOT_RECOGNISED',
      reason: `${claim.injuryReference ?? 'the work-injury claim'} is not a recognised work injury of the deceased: ask for recognition first (工伤保险条例 art. 17)`,
    });
  }
  if (facts.regionalAverageWage === null || (claim.type === 'survivor' && claim.cause === 'workInjury' && facts.ownWage === null)) {
    refusals.push({ code: 'NO_PARAMETERS', reason: `no regional average wage or own wage for region ${claim.region} on ${claim.deathDate}` });
  }
  if (refusals.length > 0) return refusedAssessment(refusals);
  const average = facts.regionalAverageWage!;
  if (claim.cause === 'other') {
    const months = claim.type === 'funeral' ? policy.claims.funeralGrantMonths : policy.claims.survivorLumpSumMonths;
    const key = claim.type === 'funeral' ? 'claims.funeralGrantMonths' : 'claims.survivorLumpSumMonths';
    const amount = toFen(new Exact(amountInput(average, 'regionalAverageWage').toDecimal()).times(countInput(months, key, 0, 120))).toString();
    const benefit = claim.type === 'funeral' ? 'funeralGrant' : 'survivorLumpSum';
    const lines = [oneOff(benefit, amount, filedMonth)];
    const workings = [
      `${benefit === 'funeralGrant' ? 'funeral grant' : 'survivor lump sum'} = ${months} × regional average wage ${average} = ${amount} (社会保险法 art. 17; configuration ${key}, provincial)`,
    ];
    if (claim.type === 'survivor' && facts.accountBalance !== '0.00') {
      lines.push(oneOff('accountInheritance', facts.accountBalance, filedMonth));
      workings.push(`personal account ${facts.accountBalance} paid to the heirs (社会保险法 art. 14)`);
    }
    return {
      refusals: [],
      options: [],
      lines,
      figures: { [benefit]: amount, accountInheritance: claim.type === 'survivor' ? facts.accountBalance : null },
      workings,
    };
  }
  if (claim.type === 'funeral') {
    // The funeral grant alone: 6 × the regional average (art. 39) — it needs neither the own wage nor the income figure.
    const months = countInput(policy.workInjuryDeath.funeralGrantMonths, 'workInjuryDeath.funeralGrantMonths', 0, 120);
    const amount = toFen(new Exact(amountInput(average, 'regionalAverageWage').toDecimal()).times(months)).toString();
    return {
      refusals: [],
      options: [],
      lines: [oneOff('funeralGrant', amount, filedMonth)],
      figures: { funeralGrant: amount },
      workings: [`funeral grant = ${months} × regional average monthly wage ${average} = ${amount} (工伤保险条例 art. 39)`],
    };
  }
  const result = refusalOf(() =>
    calculateWorkInjuryDeathBenefits(
      {
        deathDate: claim.deathDate,
        regionalAverageWage: average,
        ownWage: facts.ownWage!,
        dependants: claim.dependants.map((d) => ({
          relation: d.relation === 'spouse' ? ('spouse' as const) : ('other' as const),
          orphanOrLoneElderly: d.orphanOrLoneElderly,
          // A claim filed before the 供养亲属 test carries none of its facts (the keys are absent, not null): it keeps
          // the rules it was filed under, so a running case replays as it ran. The door refuses a new claim without them.
          ...(!('birthDate' in d)
            ? {}
            : {
                circumstances: {
                  relation: d.relation,
                  sex: d.sex ?? 'male',
                  birthDate: d.birthDate ?? '',
                  fullyDisabled: d.fullyDisabled,
                  monthlyIncome: d.monthlyIncome ?? '0.00',
                  closerRelativesGone: d.closerRelativesGone,
                },
              }),
        })),
      },
      policy.workInjuryDeath,
      policy.workInjury,
    ),
  );
  if (!result.ok) return refusedAssessment([result.refusal]);
  const r = result.value;
  const pensions: EntitlementLine[] = r.dependants.flatMap((d, i) =>
    d.amount === null
      ? []
      : [
          {
            key: `dependantPension:${i + 1}`,
            benefit: 'dependantPension' as const,
            kind: 'monthly' as const,
            payer: 'fund' as const,
            amount: d.amount,
            startMonth: filedMonth,
            endMonth: d.lastMonth,
            beneficiary: claim.dependants[i]?.name ?? null,
          },
        ],
  );
  const named = (i: number) => claim.dependants[i]?.name ?? `dependant ${i + 1}`;
  return {
    refusals: [],
    options: [],
    lines: [...pensions, oneOff('deathGrant', r.deathGrant, filedMonth)],
    figures: {
      ownWageUsed: r.ownWageUsed,
      dependantPensionTotal: r.dependantPensionTotal,
      capped: r.capped ? 'yes' : 'no',
      deathGrant: r.deathGrant,
      incomeYear: r.incomeYear,
      dependantsQualified: `${pensions.length} of ${claim.dependants.length}`,
    },
    partRefused: r.dependants.flatMap((d, i) => (d.qualifies ? [] : [`${named(i)}: no dependant’s pension — ${d.explanation}`])),
    workings: [
      // The calculator's per-dependant test lines are given again below under each dependant's name.
      ...r.workings.filter((w) => !w.startsWith('funeral grant') && !/^dependant \d+: (qualifies|does not qualify) — /.test(w)),
      ...r.dependants.map((d, i) => `${named(i)}: ${d.qualifies ? `qualifies, ${d.amount} a month` : 'no dependant’s pension'} — ${d.explanation}`),
    ],
  };
}
