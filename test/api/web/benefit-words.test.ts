// Every machine value a benefit claim can put on a page has words in both languages (issue 10 point 7; issue 8 "Also
// seen"): statuses of the lifecycle, steps and their outcomes, clocks, claim types, benefit lines, refusal codes and
// notice kinds.
import { describe, expect, it } from 'vitest';
import { BENEFIT_STEP_OUTCOMES } from '../../../domain/benefit/benefit-claim-decision.js';
import { benefitClaimMachine } from '../../../domain/benefit/benefit-claim.machine.js';
import { caseWords } from '../../../api/web/case-types/case-type-labels.js';
import { claimRefusalLabels, benefitNoticeLabels } from '../../../api/web/case-types/benefit-labels.js';
import { outcomeLabel } from '../../../api/web/case-types/decision-forms.js';
import { noticeCaseType, noticeKindLabel } from '../../../api/web/case-types/notice-labels.js';

const CJK = /[\u4e00-\u9fff]/;
const zh = caseWords('zh');
const en = caseWords('en');

describe('benefit claim words', () => {
  it('names every status of the benefit-claim lifecycle in both languages', () => {
    for (const status of [...Object.keys(benefitClaimMachine.root.states), 'submitted']) {
      expect(zh.status('benefit', status), status).toMatch(CJK);
      expect(en.status('benefit', status), status).not.toBe(status);
    }
  });

  it('names every step and every outcome its decision form offers', () => {
    for (const [step, outcomes] of Object.entries(BENEFIT_STEP_OUTCOMES)) {
      expect(zh.step('benefit', step), step).toMatch(CJK);
      for (const outcome of outcomes) expect(outcomeLabel('benefit', outcome)?.zh, `${step}.${outcome}`).toMatch(CJK);
    }
    expect(zh.action('task.recognize', 'benefit')).toBe('认定为工伤');
    expect(zh.action('benefit.reemployed', 'benefit')).toMatch(CJK);
  });

  it('shows a claim’s facts with the claim type and cause in words, never their keys', () => {
    const lines = zh.summaryLines('benefit', { claimType: 'survivor', deathDate: '2026-11-01', cause: 'workInjury', filedOn: '2026-11-20' }).flat().join(' ');
    expect(lines).toContain('遗属待遇');
    expect(lines).toContain('因工死亡');
    expect(lines).not.toContain('survivor');
    expect(en.summaryLines('benefit', { claimType: 'pension' })).toEqual([['Claim type', 'Pension']]);
  });

  it('names every notice a claim sends, and reads its case type from the kind', () => {
    for (const kind of Object.keys(benefitNoticeLabels)) {
      expect(noticeKindLabel(kind, 'zh')).toMatch(CJK);
      expect(noticeCaseType(kind)).toBe('benefit');
    }
    expect(Object.values(claimRefusalLabels).every((label) => CJK.test(label.zh) && label.en.length > 0)).toBe(true);
  });
});
