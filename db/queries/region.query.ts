import type { EntityManager } from '@mikro-orm/postgresql';
import { Region } from '../entities/index.js';

/** A region the system serves, with its administrative parent and pooling area (data, never the code's digits). */
export interface RegionRow {
  code: string;
  name: string;
  parentCode: string | null;
  poolingRegion: string | null;
}

export async function listServedRegions(em: EntityManager): Promise<RegionRow[]> {
  const rows = await em.find(Region, {}, { orderBy: { code: 'asc' } });
  return rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parentCode ?? null, poolingRegion: r.poolingRegion ?? null }));
}

export async function findRegion(em: EntityManager, code: string): Promise<RegionRow | null> {
  const r = await em.findOne(Region, { code });
  return r ? { code: r.code, name: r.name, parentCode: r.parentCode ?? null, poolingRegion: r.poolingRegion ?? null } : null;
}
