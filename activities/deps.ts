import type { MikroORM } from '@mikro-orm/postgresql';
import type { BusinessClock } from '../services/business-clock.js';
import type { NoticeChannel } from '../services/adapters/notice-channel.js';
import type { TransferExchange } from '../services/adapters/transfer-exchange.js';

/** What activities need from the outside world, passed explicitly. */
export interface ActivityDeps {
  orm: MikroORM;
  notices: NoticeChannel;
  /** The business clock for timestamps and "today"; the workflow clock decides deadlines inside workflows. */
  clock: BusinessClock;
  /**
   * The national transfer platform, for pooling areas this system does not serve (services/adapters/transfer-exchange.ts).
   * The worker always has one; activities built for a single purpose (tests booking a fine) may leave it out.
   */
  exchange?: TransferExchange;
}
