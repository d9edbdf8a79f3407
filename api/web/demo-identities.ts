// The identities the development sign-in page offers (issue 5: "in development, pick a demo identity"). They match
// the seeded reference data (db/seed/reference-data.ts): employer 91330102MA2H00014Y, the staff of 330102 and a
// caseworker of Ningbo 330212.
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';
import type { TokenRequest } from '../auth/tokens.js';
import type { Label } from './case-types/case-type-labels.js';

const withCheck = (body17: string) => body17 + citizenIdCheckChar(body17);

/** Two demo citizens, so one can try (and fail) to open the other's case. */
export const DEMO_CITIZEN_IDS = [withCheck('33010219900307001'), withCheck('33010619850612002')] as const;

/**
 * A demo retiree (a man born 15 Jun 1964: statutory age 60 on 15 Jun 2024, before the reform's first cohort) with
 * twenty years of flexible-worker pension contributions, seeded by bin/dev.ts (db/seed/demo-data.ts), so a new user
 * can claim a pension end to end.
 */
export const DEMO_RETIREE_ID = withCheck('33010219640615003');

export interface DemoIdentity {
  key: string;
  label: Label;
  claims: TokenRequest;
}

export const demoIdentities: DemoIdentity[] = [
  { key: 'citizen', label: { zh: '市民 王小明', en: 'Citizen Wang Xiaoming' }, claims: { role: 'citizen', sub: DEMO_CITIZEN_IDS[0], name: '王小明' } },
  { key: 'citizen2', label: { zh: '市民 李华', en: 'Citizen Li Hua' }, claims: { role: 'citizen', sub: DEMO_CITIZEN_IDS[1], name: '李华' } },
  { key: 'retiree', label: { zh: '退休人员 张建国', en: 'Retiree Zhang Jianguo' }, claims: { role: 'citizen', sub: DEMO_RETIREE_ID, name: '张建国' } },
  {
    key: 'employer',
    label: { zh: '单位经办人（91330102MA2H00014Y）', en: 'Employer agent (91330102MA2H00014Y)' },
    claims: { role: 'employer', sub: 'agent-001', employer: '91330102MA2H00014Y', name: '单位经办人' },
  },
  {
    key: 'cw-001',
    label: { zh: '经办员 cw-001（上城区 330102）', en: 'Caseworker cw-001 (330102)' },
    claims: { role: 'caseworker', sub: 'cw-001', region: '330102' },
  },
  {
    key: 'cw-002',
    label: { zh: '经办员 cw-002（上城区 330102）', en: 'Caseworker cw-002 (330102)' },
    claims: { role: 'caseworker', sub: 'cw-002', region: '330102' },
  },
  // The Ningbo office (鄞州区 330212), the other pooling area an inter-region transfer (转移接续) goes between.
  {
    key: 'cw-nb-001',
    label: { zh: '经办员 cw-nb-001（鄞州区 330212）', en: 'Caseworker cw-nb-001 (330212)' },
    claims: { role: 'caseworker', sub: 'cw-nb-001', region: '330212' },
  },
  { key: 'rv-001', label: { zh: '复核员 rv-001（330102）', en: 'Reviewer rv-001 (330102)' }, claims: { role: 'reviewer', sub: 'rv-001', region: '330102' } },
  {
    key: 'sup-001',
    label: { zh: '科长 sup-001（330102）', en: 'Supervisor sup-001 (330102)' },
    claims: { role: 'supervisor', sub: 'sup-001', region: '330102' },
  },
  { key: 'aud-001', label: { zh: '审计员 aud-001（330102）', en: 'Auditor aud-001 (330102)' }, claims: { role: 'auditor', sub: 'aud-001', region: '330102' } },
  {
    key: 'adm-001',
    label: { zh: '管理员 adm-001（330102）', en: 'Administrator adm-001 (330102)' },
    claims: { role: 'admin', sub: 'adm-001', region: '330102' },
  },
];
