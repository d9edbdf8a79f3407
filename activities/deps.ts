import type { MikroORM } from '@mikro-orm/postgresql';
import type { NoticeChannel } from './notice-channel.js';

/** What activities need from the outside world, passed explicitly (style.md §2.6). */
export interface ActivityDeps {
  orm: MikroORM;
  notices: NoticeChannel;
  /** Wall clock for audit timestamps; the workflow clock decides deadlines. */
  now?: () => Date;
}
