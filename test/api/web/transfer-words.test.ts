// Every machine value a transfer puts on a page reads as words in both languages (issue 8 "both languages", issue 11
// pages): the lifecycle's statuses, each leg and the outcomes its decision form offers, leg states, rules, notices.
import { describe, expect, it } from 'vitest';
import { caseWords } from '../../../api/web/case-types/case-type-labels.js';
import { outcomeLabel } from '../../../api/web/case-types/decision-forms.js';
import { noticeCaseType, noticeKindLabel } from '../../../api/web/case-types/notice-labels.js';
import { paymentPlaceRuleLabels, transferLegStatusLabels } from '../../../api/web/case-types/transfer-labels.js';
import { describeProblem } from '../../../api/web/i18n/problem-text.js';
import { TRANSFER_STEP_OUTCOMES } from '../../../domain/transfer/transfer-decision.js';
import { transferMachine } from '../../../domain/transfer/transfer.machine.js';

const CJK = /[\u4e00-\u9fff]/;
const zh = caseWords('zh');
const en = caseWords('en');

describe('transfer words', () => {
  it('names every status of the transfer lifecycle in both languages', () => {
    for (const status of Object.keys(transferMachine.root.states)) {
      expect(zh.status('transfer', status), status).toMatch(CJK);
      expect(en.status('transfer', status), status).not.toBe(status);
    }
  });

  it('names every leg and words each leg’s outcomes as its own decision (国办发〔2009〕66号 art. 8)', () => {
    for (const [step, outcomes] of Object.entries(TRANSFER_STEP_OUTCOMES)) {
      expect(zh.step('transfer', step), step).toMatch(CJK);
      expect(zh.deadline('transfer', step), step).toMatch(CJK);
      for (const outcome of outcomes) expect(outcomeLabel('transfer', outcome, step)?.zh, `${step}.${outcome}`).toMatch(CJK);
    }
    expect(outcomeLabel('transfer', 'approve', 'acceptanceLetter')?.zh).toBe('同意接收，出具联系函');
    expect(outcomeLabel('transfer', 'approve', 'transferOut')?.zh).toBe('转出：发送信息表并划转资金');
  });

  it('names the leg states, the payment-place rules, the transfer notices and timeline lines', () => {
    for (const table of [transferLegStatusLabels, paymentPlaceRuleLabels]) for (const label of Object.values(table)) expect(label.zh).toMatch(CJK);
    for (const kind of [
      'transfer_received',
      'acceptance_letter_sent',
      'transfer_out_sent',
      'funds_received',
      'transfer_completed',
      'transfer_refused',
      'temporary_account_opened',
      'transfer_delayed',
      'temporary_account_collected',
    ]) {
      expect(noticeKindLabel(kind, 'zh'), kind).toMatch(CJK);
      expect(noticeCaseType(kind)).toBe('transfer');
    }
    expect(zh.action('transfer.leg.escalated')).toBe('环节超期，已升级督办');
    expect(zh.summaryLines('transfer', { insurance: 'pension', amounts: { pooledFund: '62136.00', personalAccount: '41424.00' } })).toEqual([
      ['险种', '基本养老保险'],
      ['转移金额', '统筹基金：62136.00；个人账户：41424.00'],
    ]);
  });

  it('gives each transfer refusal a Chinese sentence by its code', () => {
    for (const code of ['DRAWING_PENSION', 'SAME_POOLING_AREA', 'NOT_INSURED_IN_NEW_AREA', 'NOT_INSURED_IN_OLD_AREA', 'TRANSFER_ALREADY_OPEN']) {
      expect(describeProblem({ status: 422, code, detail: 'x', title: 'x' }, 'zh'), code).toMatch(CJK);
    }
  });
});
