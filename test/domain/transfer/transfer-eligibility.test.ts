import { describe, expect, it } from 'vitest';
import { type TransferFacts, checkTransferEligibility } from '../../../domain/transfer/transfer-eligibility.js';
import { DEFAULT_TRANSFER_ELIGIBILITY_POLICY } from '../../../domain/transfer/transfer-policy.js';
import { expectDomainError } from './domain-error.js';

const facts = (over: Partial<TransferFacts> = {}): TransferFacts => ({
  insurance: 'pension',
  appliedOn: '2025-10-15',
  drawingPension: false,
  fromPoolingArea: '440300',
  toPoolingArea: '330100',
  insuredInNewArea: { since: '2025-09' },
  openTransferReference: null,
  ...over,
});
const codes = (f: TransferFacts, policy = DEFAULT_TRANSFER_ELIGIBILITY_POLICY) => checkTransferEligibility(f, policy).refusals.map((r) => r.code);

describe('checkTransferEligibility', () => {
  it('lets a paying insured person move a pension between two pooling areas (§6.1)', () => {
    expect(checkTransferEligibility(facts())).toEqual({ eligible: true, refusals: [], followUps: [] });
  });

  it('refuses a person who already draws a pension (§6.1, 国办发〔2009〕66号 art. 2)', () => {
    const r = checkTransferEligibility(facts({ drawingPension: true }));
    expect(r.eligible).toBe(false);
    expect(r.refusals).toEqual([{ code: 'DRAWING_PENSION', reason: expect.stringContaining('art. 2') }]);
  });

  it('refuses two regions of one pooling area: a leaver plus a hire, never a transfer (docs/api.md pooling)', () => {
    expect(codes(facts({ fromPoolingArea: '330100', toPoolingArea: '330100' }))).toEqual(['SAME_POOLING_AREA']);
  });

  it('refuses a pension transfer before the person is insured in the new area, or insured only after the application month (§6.1, art. 8 (1))', () => {
    expect(codes(facts({ insuredInNewArea: null }))).toEqual(['NOT_INSURED_IN_NEW_AREA']);
    expect(codes(facts({ insuredInNewArea: { since: '2025-11' } }))).toEqual(['NOT_INSURED_IN_NEW_AREA']);
    expect(codes(facts({ insuredInNewArea: { since: '2025-10' } }))).toEqual([]);
  });

  it('does not require prior enrolment for medical unless configured (eligibility.insuredInNewAreaRequiredFor)', () => {
    expect(codes(facts({ insurance: 'medical', insuredInNewArea: null }))).toEqual([]);
    const policy = { ...DEFAULT_TRANSFER_ELIGIBILITY_POLICY, insuredInNewAreaRequiredFor: ['pension', 'medical'] as const };
    expect(codes(facts({ insurance: 'medical', insuredInNewArea: null }), policy)).toEqual(['NOT_INSURED_IN_NEW_AREA']);
  });

  it('refuses a second open transfer of the same insurance, naming it (§2 one relationship)', () => {
    const r = checkTransferEligibility(facts({ openTransferReference: 'TR2025000042' }));
    expect(r.refusals).toEqual([{ code: 'TRANSFER_ALREADY_OPEN', reason: expect.stringContaining('TR2025000042') }]);
  });

  it('gives every refusal at once', () => {
    const all = facts({ drawingPension: true, toPoolingArea: '440300', insuredInNewArea: null, openTransferReference: 'TR2025000042' });
    expect(codes(all)).toEqual(['DRAWING_PENSION', 'SAME_POOLING_AREA', 'NOT_INSURED_IN_NEW_AREA', 'TRANSFER_ALREADY_OPEN']);
  });

  it('transfers first and flags duplicate pension relationships for clearing (§2, 先转后清)', () => {
    const r = checkTransferEligibility(facts({ otherActivePensionRelationships: ['310100'] }));
    expect(r.eligible).toBe(true);
    expect(r.followUps).toEqual([{ code: 'CLEAR_DUPLICATE_RELATIONSHIPS', reason: expect.stringContaining('310100') }]);
  });

  it('refuses malformed facts as errors, not as refusals', () => {
    expectDomainError(() => checkTransferEligibility(facts({ toPoolingArea: '33' })), 'INVALID_REGION_CODE', 'toPoolingArea');
    expectDomainError(() => checkTransferEligibility(facts({ insuredInNewArea: { since: '2025-10-01' } })), 'INVALID_DATE', 'insuredInNewArea.since');
  });
});
