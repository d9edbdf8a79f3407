import * as wf from '@temporalio/workflow';
import type { PersonalAccountPolicy } from '../../domain/insurance/personal-account.js';
import type { ExchangeMessage } from '../../domain/transfer/exchange-message.js';
import type { TransferApplication } from '../../domain/transfer/transfer-application.js';
import type { TransferRole } from '../../domain/transfer/transfer.machine.js';
import type { TransferPolicy } from '../../domain/transfer/transfer-policy.js';
import type { TransferOfficeRef } from '../../domain/transfer/transfer-progress.js';

/** What starts a transfer case (POST /v1/transfers, or a platform request for a person moving out). */
export interface TransferInput {
  caseId: string;
  reference: string;
  application: TransferApplication;
  role: TransferRole;
  offices: { old: TransferOfficeRef; new: TransferOfficeRef };
  /**
   * The transfer's ID on the national platform: our reference when this system runs the new office, the new office's
   * reference when it asked us (role `old`). `counterpartReference` is the other agency's own case, when known.
   */
  platform: { transferId: string; counterpartReference: string | null };
  submittedBy: { id: string; role: string };
  policy: TransferPolicy;
  /**
   * The yearly 记账利率 the personal account is credited with (the `personal-account.policy` setting, as the insurance
   * record reads it). Absent in cases started before it was carried: their account moves without credited interest,
   * as it did, so a replayed history computes what it computed.
   */
  accountInterest?: PersonalAccountPolicy;
}

/** A platform message for this transfer reached the case (services/transfers/receive-platform-messages.ts). */
export const transferMessageArrived = wf.defineSignal<[{ message: ExchangeMessage }]>('transferMessageArrived');
