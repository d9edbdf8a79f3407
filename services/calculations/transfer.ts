import { calculatePooledFund, type ContributionYear, type PooledFundResult } from '../../domain/transfer/pooled-fund.js';
import type { BusinessClock } from '../business-clock.js';

/**
 * POST /v1/calculations/transfer: the pooled fund that moves with a pension transfer (12 % of each year's actual
 * contribution wage from 1998, part years by their months — 国办发〔2009〕66号 art. 4, rules §6.1, E3), with its
 * workings. A year after the current one is refused: it has no contributions yet. Pure apart from today's year.
 */
export function calculateTransfer(clock: BusinessClock, history: readonly ContributionYear[]): PooledFundResult {
  return calculatePooledFund({ history, asOfYear: Number(clock.today().slice(0, 4)) });
}
