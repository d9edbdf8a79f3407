import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS as cal } from '../../../domain/calendar/default-calendar.js';
import { DEFAULT_CLAIM_PROCESSING_LIMITS as limits, claimProcessingDeadline } from '../../../domain/benefit/claim-processing.js';

describe('claimProcessingDeadline', () => {
  it('gives a pension claim 20 working days across National Day 2025: 26 Sep → 30 Oct (社会保险经办条例 art. 18, §9)', () => {
    expect(claimProcessingDeadline(cal, 'pension', '2025-09-26')).toMatchObject({
      dueDate: '2025-10-30',
      unit: 'working',
    });
  });

  it('gives unemployment and maternity claims 10 working days, counting the make-up Saturday 11 Oct (arts. 20, 24)', () => {
    expect(claimProcessingDeadline(cal, 'unemployment', '2025-09-26')?.dueDate).toBe('2025-10-16');
    expect(claimProcessingDeadline(cal, 'maternity', '2025-09-26')?.dueDate).toBe('2025-10-16');
  });

  it('has no limit for a type without one, and follows a configured limit', () => {
    expect(claimProcessingDeadline(cal, 'funeral', '2025-09-26')).toBeNull();
    expect(claimProcessingDeadline(cal, 'pension', '2025-09-26', { ...limits, pension: 15 })?.dueDate).toBe('2025-10-23');
  });

  it('is provisional when the year’s calendar is missing', () => {
    expect(claimProcessingDeadline(cal, 'pension', '2027-09-27')).toMatchObject({ provisional: true });
  });
});
