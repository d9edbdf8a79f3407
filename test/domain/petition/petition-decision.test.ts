import { describe, expect, it } from 'vitest';
import { petitionEventFor } from '../../../domain/petition/petition-decision.js';
import { DEFAULT_PETITION_POLICY as policy } from '../../../domain/petition/petition-policy.js';
import { normalisedMatter } from '../../../domain/petition/petition-submission.js';
import type { TaskCompletion } from '../../../domain/task.js';

const ctx = { today: '2026-03-02', policy, extendedDays: 0, handlingRegion: '330102' };
const done = (outcome: string, comment = '', data: Record<string, unknown> = {}): TaskCompletion => ({
  taskId: 't',
  outcome,
  comment,
  data,
  actorId: 'cw-2',
  actorRole: 'caseworker',
});
const grounds = { facts: 'f', reasons: 'r', legalBasis: 'l' };

describe('petitionEventFor', () => {
  it('needs the route the petitioner must follow and a reason to not accept (§7 "What is not handled", art. 23)', () => {
    expect(petitionEventFor('acceptance', done('notAccept', '应申请仲裁'), ctx)).toHaveProperty('refused');
    expect(petitionEventFor('acceptance', done('notAccept', '', { route: 'arbitration' }), ctx)).toHaveProperty('refused');
    expect(petitionEventFor('acceptance', done('notAccept', '应申请仲裁', { route: 'rereviewConcluded' }), ctx)).toHaveProperty('refused');
    expect(petitionEventFor('acceptance', done('notAccept', '应申请仲裁', { route: 'arbitration' }), ctx)).toEqual({
      type: 'NOT_ACCEPT',
      officerId: 'cw-2',
      route: 'arbitration',
      reason: '应申请仲裁',
    });
  });

  it('forwards only to another body named by region code (§7 art. 23)', () => {
    expect(petitionEventFor('acceptance', done('forward', '属西湖区', { toRegion: '330102' }), ctx)).toHaveProperty('refused');
    expect(petitionEventFor('acceptance', done('forward', '属西湖区', { toRegion: 'x' }), ctx)).toHaveProperty('refused');
    expect(petitionEventFor('acceptance', done('forward', '属西湖区', { toRegion: '330106' }), ctx)).toMatchObject({
      type: 'FORWARD',
      toRegion: '330106',
      on: '2026-03-02',
    });
  });

  it('issues a written opinion only with facts, reasons and legal basis (§7 art. 32)', () => {
    expect(petitionEventFor('handling', done('support', '', { facts: 'f' }), ctx)).toEqual({
      refused: expect.stringMatching(/data\.reasons, data\.legalBasis/),
    });
    expect(petitionEventFor('review', done('notSupport', '', grounds), ctx)).toMatchObject({
      type: 'ISSUE_OPINION',
      opinion: { kind: 'notSupport', issuedOn: '2026-03-02', issuedBy: 'cw-2' },
    });
  });

  it('asks for an extension of at most 30 days with the reason for the petitioner, once (§7 art. 32)', () => {
    expect(petitionEventFor('handling', done('extend', '复杂', { days: 30 }), ctx)).toMatchObject({ type: 'REQUEST_EXTENSION', days: 30 });
    expect(petitionEventFor('handling', done('extend', '', { days: 30 }), ctx)).toHaveProperty('refused');
    expect(petitionEventFor('handling', done('extend', '复杂', { days: 45 }), ctx)).toHaveProperty('refused');
    expect(petitionEventFor('handling', done('extend', '复杂', { days: 10 }), { ...ctx, extendedDays: 30 })).toHaveProperty('refused');
  });

  it('refuses an outcome the step does not take', () => {
    expect(petitionEventFor('extension', done('support', '', grounds), ctx)).toEqual({ refused: expect.stringMatching(/approve, reject/) });
    expect(petitionEventFor('acceptance', done('extend', 'x', { days: 3 }), ctx)).toHaveProperty('refused');
  });
});

describe('normalisedMatter', () => {
  it('recognises the same facts and reasons however they are spaced, punctuated or cased (§7 art. 36)', () => {
    const a = { request: '补发 失业保险金。', facts: 'ABC 离职', reasons: '缴费满三年！', concerns: { caseReference: null } };
    const b = { request: '补发失业保险金', facts: 'abc，离职', reasons: ' 缴费满三年 ', concerns: { caseReference: null } };
    expect(normalisedMatter(a)).toBe(normalisedMatter(b));
    expect(normalisedMatter({ ...b, reasons: '缴费满五年' })).not.toBe(normalisedMatter(a));
    expect(normalisedMatter({ ...a, concerns: { caseReference: 'EN2026000001' } })).not.toBe(normalisedMatter(a));
  });
});
