import { addMonths, ageOn, compareDates, isIsoDate, monthOf } from '../calendar/local-date.js';
import { amountInput } from './benefit-arithmetic.js';

/**
 * The relatives the 因工死亡职工供养亲属范围规定 (劳动和社会保障部令第18号, art. 2) lets claim a dependant's pension
 * (供养亲属抚恤金, 工伤保险条例 art. 39): spouse, child, parent, grandparent (祖父母、外祖父母), grandchild
 * (孙子女、外孙子女), sibling. Adopted and step relations with a duty of support count as the relation.
 */
export const DEPENDANT_RELATIONS = ['spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling'] as const;
export type DependantRelation = (typeof DEPENDANT_RELATIONS)[number];

/** What a dependant declares and the agency checks: who they are to the deceased, age, work capacity, own income. */
export interface DependantCircumstances {
  relation: DependantRelation;
  sex: 'male' | 'female';
  birthDate: string;
  /** 完全丧失劳动能力, as the labour-capacity assessment concluded. */
  fullyDisabled: boolean;
  /** The dependant's own income a month (wages, pensions, rents…), a decimal string. */
  monthlyIncome: string;
  /**
   * The relatives who come first are gone (规定 art. 3 (5)–(7)): for a grandparent both of the deceased's parents are
   * dead; for a grandchild their parent (the deceased's child) is dead or fully disabled; for a sibling both of the
   * deceased's parents are dead or fully disabled. Ignored for the other relations.
   */
  closerRelativesGone: boolean;
}

/** The part of the death-benefit configuration the test reads (`workInjuryDeath` in benefit.policy). */
export interface DependantTestPolicy {
  /**
   * 依靠因工死亡职工生前提供主要生活来源: a dependant lived mainly on the deceased when their own monthly income is
   * below this limit — the local minimum living standard (低保) is the usual yardstick (local practice, unverified).
   */
  dependantIncomeLimit: string;
}

export interface DependantTest {
  qualifies: boolean;
  /** The art. 3 ground that applied (qualifying) or the reason the dependant fails. */
  explanation: string;
  /**
   * The last month paid when the pension ends with age (a minor turning 18, 规定 art. 4 (1)): the month of the 18th
   * birthday (local practice, unverified). null = for life, until a stop event (remarriage, employment, death).
   */
  lastMonth: string | null;
}

/** 规定 art. 3: men from 60, women from 55 count as elderly; minors are under 18. National, not configurable. */
const ELDERLY_AGE = { male: 60, female: 55 } as const;
const MINOR_AGE = 18;

const RELATION_WORDS: Record<DependantRelation, string> = {
  spouse: 'spouse (配偶)',
  child: 'child (子女)',
  parent: 'parent (父母)',
  grandparent: 'grandparent (祖父母、外祖父母)',
  grandchild: 'grandchild (孙子女、外孙子女)',
  sibling: 'sibling (兄弟姐妹)',
};

/**
 * Whether one relative of a worker who died of a work injury qualifies for a dependant's pension (工伤保险条例 art. 39;
 * 因工死亡职工供养亲属范围规定 art. 3), on the death date. Both tests must pass:
 * - **work capacity or age**: fully disabled (any relation), or a spouse or parent who is elderly (men 60, women 55),
 *   or a child under 18, or — only when the closer relatives are gone — an elderly grandparent, a grandchild under
 *   18, a sibling under 18;
 * - **lived on the deceased**: own income a month below the configured limit (the local 低保; unverified).
 * A minor's pension ends with the month of the 18th birthday unless they are fully disabled. Pure.
 * A birth date after the death fails, except a child's (遗腹子女, art. 2: aged 0).
 * @throws DomainError INVALID_AMOUNT for a malformed income or limit.
 */
export function testSurvivorDependant(dependant: DependantCircumstances, deathDate: string, policy: DependantTestPolicy): DependantTest {
  const who = RELATION_WORDS[dependant.relation];
  // A child born after the death (遗腹子女) is a child of the deceased (规定 art. 2): aged 0.
  const posthumous = dependant.relation === 'child' && isIsoDate(dependant.birthDate) && compareDates(dependant.birthDate, deathDate) > 0;
  if (!isIsoDate(dependant.birthDate) || (!posthumous && compareDates(dependant.birthDate, deathDate) > 0)) {
    return { qualifies: false, explanation: `${who}: birth date ${dependant.birthDate} is not a date on or before the death`, lastMonth: null };
  }
  const age = posthumous ? 0 : ageOn(dependant.birthDate, deathDate).years;
  const ground = capacityGround(dependant, age);
  if (!ground.ok) return { qualifies: false, explanation: `${who}, ${age} on the death date: ${ground.reason} (供养亲属范围规定 art. 3)`, lastMonth: null };

  const income = amountInput(dependant.monthlyIncome, 'monthlyIncome');
  const limit = amountInput(policy.dependantIncomeLimit, 'workInjuryDeath.dependantIncomeLimit');
  if (income.compare(limit) >= 0) {
    return {
      qualifies: false,
      explanation: `${who}: own income ${income.toString()} a month is not below the limit ${limit.toString()} (local 低保, workInjuryDeath.dependantIncomeLimit): did not live mainly on the deceased (供养亲属范围规定 art. 3)`,
      lastMonth: null,
    };
  }
  const lastMonth = ground.minor ? monthOf(addMonths(dependant.birthDate, MINOR_AGE * 12)) : null;
  return {
    qualifies: true,
    explanation: `${who}, ${age} on the death date: ${ground.reason}; own income ${income.toString()} a month below the limit ${limit.toString()} (供养亲属范围规定 art. 3)${lastMonth === null ? '' : `; paid until ${lastMonth}, the month of the 18th birthday (art. 4)`}`,
    lastMonth,
  };
}

type Ground = { ok: true; reason: string; minor: boolean } | { ok: false; reason: string };

function capacityGround(d: DependantCircumstances, age: number): Ground {
  if (d.fullyDisabled) return { ok: true, reason: 'fully unable to work (art. 3 (1))', minor: false };
  const elderly = age >= ELDERLY_AGE[d.sex];
  const minor = age < MINOR_AGE;
  const elderlyWords = `${d.sex === 'male' ? 'a man' : 'a woman'} of ${ELDERLY_AGE[d.sex]} or more`;
  switch (d.relation) {
    case 'spouse':
      return elderly
        ? { ok: true, reason: `${elderlyWords} (art. 3 (2))`, minor: false }
        : { ok: false, reason: `able to work and not yet ${ELDERLY_AGE[d.sex]}` };
    case 'parent':
      return elderly
        ? { ok: true, reason: `${elderlyWords} (art. 3 (3))`, minor: false }
        : { ok: false, reason: `able to work and not yet ${ELDERLY_AGE[d.sex]}` };
    case 'child':
      return minor ? { ok: true, reason: 'under 18 (art. 3 (4))', minor: true } : { ok: false, reason: 'able to work and 18 or over' };
    case 'grandparent':
      if (!d.closerRelativesGone) return { ok: false, reason: 'the deceased’s parents are not both dead (art. 3 (5))' };
      return elderly
        ? { ok: true, reason: `${elderlyWords}, both of the deceased’s parents dead (art. 3 (5))`, minor: false }
        : { ok: false, reason: `able to work and not yet ${ELDERLY_AGE[d.sex]}` };
    case 'grandchild':
      if (!d.closerRelativesGone) return { ok: false, reason: 'their parent (the deceased’s child) is neither dead nor fully disabled (art. 3 (6))' };
      return minor
        ? { ok: true, reason: 'under 18, their parent dead or fully disabled (art. 3 (6))', minor: true }
        : { ok: false, reason: 'able to work and 18 or over' };
    case 'sibling':
      if (!d.closerRelativesGone) return { ok: false, reason: 'the deceased’s parents are not both dead or fully disabled (art. 3 (7))' };
      return minor
        ? { ok: true, reason: 'under 18, the deceased’s parents dead or fully disabled (art. 3 (7))', minor: true }
        : { ok: false, reason: 'able to work and 18 or over' };
  }
}
