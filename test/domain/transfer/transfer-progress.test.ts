import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';
import { type TransferProgress, transferLegViews } from '../../../domain/transfer/transfer-progress.js';

const offices = {
  old: { region: '330102', poolingArea: '330100', served: true },
  new: { region: '330203', poolingArea: '330200', served: true },
};
const progress = (p: Partial<TransferProgress>): TransferProgress => ({
  appliedOn: '2025-09-10',
  letterSentOn: null,
  sentOn: null,
  receivedOn: null,
  completedOn: null,
  stoppedOn: null,
  escalated: [],
  ...p,
});
const views = (status: string, p: Partial<TransferProgress>, today = '2025-09-12', role: 'both' | 'new' | 'old' = 'both') =>
  transferLegViews({ calendar: CN_CALENDAR_YEARS, insurance: 'pension', role, status, progress: progress(p), offices, today });

describe('transfer legs as the person and both offices see them', () => {
  it('shows each leg with its office, its 15-working-day due date over National Day 2025 and its state (§6.1, §9, E11)', () => {
    const legs = views('transferOut', { letterSentOn: '2025-09-26' }, '2025-09-29');
    expect(legs.map((l) => [l.name, l.office, l.region, l.dueDate, l.status])).toEqual([
      ['acceptanceLetter', 'new', '330203', '2025-09-30', 'done'],
      ['transferOut', 'old', '330102', '2025-10-23', 'open'],
      ['completion', 'new', '330203', null, 'waiting'],
    ]);
  });

  it('marks a leg overdue once escalated or past its due date', () => {
    expect(views('transferOut', { letterSentOn: '2025-09-26', escalated: ['transferOut'] }, '2025-09-29')[1]?.status).toBe('overdue');
    expect(views('inTransit', { letterSentOn: '2025-09-26', sentOn: '2025-10-20' }, '2025-10-24')[1]?.status).toBe('overdue');
  });

  it('marks the leg a refusal stopped in, and cancels the rest: nothing moved (issue 11 point 4)', () => {
    expect(views('refused', { stoppedOn: '2025-09-15' }).map((l) => l.status)).toEqual(['refused', 'cancelled', 'cancelled']);
    expect(views('refused', { letterSentOn: '2025-09-26', stoppedOn: '2025-09-29' }).map((l) => l.status)).toEqual(['done', 'refused', 'cancelled']);
  });

  it('ends after the letter when a temporary account opens instead (国办发〔2009〕66号 art. 5)', () => {
    expect(views('temporaryAccount', { letterSentOn: '2025-09-12', stoppedOn: '2025-09-12' }).map((l) => l.status)).toEqual(['done', 'cancelled', 'cancelled']);
  });

  it('names the counterpart’s pooling area for a leg this system does not run, and counts the old office from the request it received (role old)', () => {
    const legs = transferLegViews({
      calendar: CN_CALENDAR_YEARS,
      insurance: 'pension',
      role: 'old',
      status: 'transferOut',
      progress: progress({ appliedOn: '2025-09-26' }),
      offices: { old: offices.old, new: { region: '320102', poolingArea: '320100', served: false } },
      today: '2025-09-29',
    });
    expect(legs.map((l) => [l.name, l.region, l.served, l.dueDate, l.status])).toEqual([
      ['acceptanceLetter', '320100', false, '2025-10-23', 'done'],
      ['transferOut', '330102', true, '2025-10-23', 'open'],
      ['completion', '320100', false, null, 'waiting'],
    ]);
  });
});
