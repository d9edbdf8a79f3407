import { AbilityBuilder, createMongoAbility, subject, type ForcedSubject, type MongoQuery } from '@casl/ability';
import { defineEntity, MikroORM, p } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { actions, defineAbilityFor, roles, type Action, type AppAbility, type TaggedSubject } from '../../policies/abilities.js';
import { accessibleFilter, type ScopeFilter } from '../../policies/sql-scope.js';
import { subjectTypes, taskPermissions, type SubjectType, type TaskSubject } from '../../policies/subjects.js';
import {
  actorFor,
  CITIZEN,
  CITY,
  ELSEWHERE,
  EMPLOYER,
  HOME,
  OTHER_CITIZEN,
  OTHER_CITY_DISTRICT,
  OTHER_EMPLOYER,
  OTHER_PROVINCE_DISTRICT,
  PROVINCE,
} from './factories.js';

type Value = string | boolean | null | readonly string[];
type Row = Record<string, Value>;
type Truth = boolean | null;

/**
 * A tiny evaluator of the filter as PostgreSQL would run it: comparisons with NULL are unknown (null), NOT unknown is
 * unknown, and a WHERE clause keeps a row only when the result is true.
 */
function evaluate(filter: ScopeFilter, row: Row): Truth {
  return and(
    Object.entries(filter).map(([key, value]): Truth => {
      if (key === '$and') return and((value as ScopeFilter[]).map((part) => evaluate(part, row)));
      if (key === '$or') return or((value as ScopeFilter[]).map((part) => evaluate(part, row)));
      if (key === '$not') return not(evaluate(value as ScopeFilter, row));
      return field(row[key] ?? null, value);
    }),
  );
}

function field(actual: Row[string], condition: unknown): Truth {
  if (condition === null || typeof condition !== 'object') return eq(actual, condition);
  return and(
    Object.entries(condition).map(([operator, operand]): Truth => {
      const list = operand as unknown[];
      switch (operator) {
        case '$eq':
          return eq(actual, operand);
        case '$ne':
          return not(eq(actual, operand));
        case '$in':
          return actual === null ? null : list.includes(actual);
        case '$nin':
          return actual === null ? null : !list.includes(actual);
        case '$like': // only the region hierarchy's `prefix%`
          return actual === null ? null : String(actual).startsWith(String(operand).replace(/%$/, ''));
        case '$contains': // PostgreSQL `array @> array`
          return Array.isArray(actual) ? list.every((item) => (actual as readonly unknown[]).includes(item)) : null;
        default:
          throw new Error(`evaluator does not know ${operator}`);
      }
    }),
  );
}

/** `= NULL` is what MikroORM writes as `IS NULL`, which is never unknown. */
function eq(actual: unknown, expected: unknown): Truth {
  if (expected === null) return actual === null;
  return actual === null ? null : actual === expected;
}
const and = (values: Truth[]): Truth => (values.includes(false) ? false : values.includes(null) ? null : true);
const or = (values: Truth[]): Truth => (values.includes(true) ? true : values.includes(null) ? null : false);
const not = (value: Truth): Truth => (value === null ? null : !value);

/** Every combination of the values that any rule looks at, NULLs included. */
function product(columns: Record<string, readonly Value[]>): Row[] {
  return Object.entries(columns).reduce<Row[]>((rows, [name, values]) => rows.flatMap((row) => values.map((value) => ({ ...row, [name]: value }))), [{}]);
}

const staffIds = roles.map((role) => actorFor(role).id);
const regions = [HOME, ELSEWHERE];
const samples: Record<SubjectType, Row[]> = {
  Case: product({
    region: regions,
    citizenId: [CITIZEN, OTHER_CITIZEN, null],
    applicantId: [CITIZEN, OTHER_CITIZEN, 'agent-001'],
    employerCreditCode: [EMPLOYER, OTHER_EMPLOYER, null],
    sensitive: [true, false],
    caseType: ['enrollment', 'petition'],
    // A text[] column, never NULL: nobody accused, someone else, or one of the actors (whistle-blowing, §7).
    accusedStaff: [[], ['cw-009'], ...staffIds.map((id) => ['cw-009', id])],
    sharedWithRegions: [[], [ELSEWHERE, HOME]],
  }),
  Task: [
    ...product({
      region: regions,
      status: ['open', 'claimed', 'waiting', 'completed', 'cancelled'],
      permission: taskPermissions,
      assignee: [null, 'cw-009', ...staffIds],
      preparedBy: [null, 'cw-009', ...staffIds],
      // A text[] column, never NULL: the staff a whistle-blowing petition accuses never see its tasks (§7).
      accusedStaff: [[], ...staffIds.map((id) => [id])],
      earlierDeciders: [[]],
    }),
    // A text[] column, never NULL: who acted at an earlier tier of a graded decision (benefit claims, §8).
    ...product({
      region: regions,
      status: ['open', 'claimed'],
      permission: taskPermissions,
      assignee: [null, ...staffIds],
      preparedBy: [null, 'cw-009'],
      accusedStaff: [[]],
      earlierDeciders: [['cw-009'], ...staffIds.map((id) => ['cw-009', id])],
    }),
  ],
  Enrollment: product({
    region: regions,
    citizenId: [CITIZEN, OTHER_CITIZEN],
    employerCreditCode: [EMPLOYER, OTHER_EMPLOYER, null],
  }),
  Employer: product({ region: regions, creditCode: [EMPLOYER, OTHER_EMPLOYER] }),
  Person: product({ region: regions, citizenId: [CITIZEN, OTHER_CITIZEN] }),
  RegionParameters: product({ region: regions }),
  AuditEntry: product({ region: regions }),
  Petition: product({ region: regions, petitionerId: [CITIZEN, OTHER_CITIZEN] }),
  Transfer: product({ region: regions, citizenId: [CITIZEN, OTHER_CITIZEN], employerCreditCode: [EMPLOYER, OTHER_EMPLOYER, null] }),
  Declaration: product({ region: regions, employerCreditCode: [EMPLOYER, OTHER_EMPLOYER] }),
  Bill: product({ region: regions, employerCreditCode: [EMPLOYER, OTHER_EMPLOYER] }),
  Payment: product({ region: regions, employerCreditCode: [EMPLOYER, OTHER_EMPLOYER] }),
  ArrearsCase: product({ region: regions, employerCreditCode: [EMPLOYER, OTHER_EMPLOYER] }),
  Leaver: product({ region: regions, employerCreditCode: [EMPLOYER, OTHER_EMPLOYER] }),
  BaseChange: product({ region: regions, requestedBy: ['cw-009', ...staffIds] }),
  Calendar: [{}],
  MedicalDeclaration: product({ region: regions, employerCreditCode: [EMPLOYER, OTHER_EMPLOYER, null] }),
  BackPayment: product({ region: regions, employerCreditCode: [EMPLOYER, OTHER_EMPLOYER] }),
  EligibilityList: product({ region: regions }),
  MedicalLedger: product({ region: regions }),
  Setting: [{}],
  BenefitClaim: product({
    region: regions,
    claimType: ['pension', 'survivor'],
    citizenId: [CITIZEN, OTHER_CITIZEN],
    employerCreditCode: [EMPLOYER, OTHER_EMPLOYER, null],
    claimantId: [CITIZEN, OTHER_CITIZEN, 'agent-001'],
  }),
  Payroll: product({ region: regions }),
  ExchangeFeed: [{}],
  Statistics: product({ region: regions }),
  Verification: product({ region: regions, citizenId: [CITIZEN, OTHER_CITIZEN] }),
  MedicalAccount: product({ region: regions, citizenId: [CITIZEN, OTHER_CITIZEN] }),
  OverpaymentRecovery: product({ region: regions, citizenId: [CITIZEN, OTHER_CITIZEN] }),
  StaffRecordLink: [{}],
};

/** Rows the SQL filter admits that CASL refuses, or the other way round. Empty means the two agree. */
function disagreements(ability: AppAbility, action: Action, type: SubjectType) {
  const filter = accessibleFilter(ability, action, type);
  return samples[type]
    .map((row) => ({
      row,
      sql: filter !== null && evaluate(filter, row) === true,
      // Sample rows are untyped column maps, so they are checked as whatever subject type they stand for.
      casl: ability.can(action, subject(type, { ...row }) as unknown as TaggedSubject),
    }))
    .filter(({ sql, casl }) => sql !== casl);
}

describe('accessibleFilter', () => {
  describe.each(roles)('%s', (role) => {
    const ability = defineAbilityFor(actorFor(role));

    it('admits exactly the rows the ability allows, for every action and subject type (docs/architecture.md Permissions)', () => {
      const wrong = subjectTypes.flatMap((type) => actions.flatMap((action) => disagreements(ability, action, type).map((d) => ({ type, action, ...d }))));
      expect(wrong).toEqual([]);
    });
  });

  // The region hierarchy (rules §1.3): staff of a city or a province, over rows of districts inside and outside it.
  describe.each([
    ['city', CITY],
    ['province', PROVINCE],
  ])('staff of a %s', (_level, region) => {
    const hierarchy = [HOME, CITY, OTHER_CITY_DISTRICT, OTHER_PROVINCE_DISTRICT];
    const widened = (type: SubjectType): Row[] =>
      samples[type].filter((row) => row.region !== ELSEWHERE).flatMap((row) => ('region' in row ? hierarchy.map((r) => ({ ...row, region: r })) : [row]));

    it.each(['supervisor', 'auditor'] as const)('%s: the SQL admits exactly the rows CASL allows', { timeout: 60_000 }, (role) => {
      const ability = defineAbilityFor(actorFor(role, { region }));
      const wrong = subjectTypes.flatMap((type) =>
        actions.flatMap((action) => {
          const filter = accessibleFilter(ability, action, type);
          return widened(type)
            .filter((row) => (filter !== null && evaluate(filter, row) === true) !== ability.can(action, subject(type, { ...row }) as unknown as TaggedSubject))
            .map((row) => ({ type, action, row }));
        }),
      );
      expect(wrong).toEqual([]);
    });
  });

  it('says the hierarchy in SQL as a code prefix, and a district as its own code (rules §1.3)', () => {
    const city = accessibleFilter(defineAbilityFor(actorFor('supervisor', { region: CITY })), 'reassign', 'Task');
    expect(JSON.stringify(city)).toContain('{"region":{"$like":"3301%"}}');
    const province = accessibleFilter(defineAbilityFor(actorFor('auditor', { region: PROVINCE })), 'read', 'AuditEntry');
    expect(province).toEqual({ $or: [{ region: { $like: '33%' } }] });
    const district = accessibleFilter(defineAbilityFor(actorFor('auditor')), 'read', 'AuditEntry');
    expect(district).toEqual({ $or: [{ region: HOME }] });
  });

  it('admits some open tasks to a caseworker’s claim list and none it prepared (docs/architecture.md Tasks)', () => {
    const ability = defineAbilityFor(actorFor('caseworker'));
    const filter = accessibleFilter(ability, 'claim', 'Task');
    expect(filter).not.toBeNull();
    const admitted = samples.Task.filter((row) => evaluate(filter ?? {}, row) === true);
    expect(admitted.length).toBeGreaterThan(0);
    const claimable = (row: Row) => row.status === 'open' && row.region === HOME && row.preparedBy !== 'cw-002';
    expect(admitted.every(claimable)).toBe(true);
    expect(admitted.some((row) => row.preparedBy === null)).toBe(true);
  });

  it('keeps tasks nobody prepared in a four-eyes-bounded list, which a naive NOT drops (docs/architecture.md Tasks)', () => {
    const unprepared: Row = { region: HOME, status: 'open', permission: 'review', assignee: null, preparedBy: null, accusedStaff: [], earlierDeciders: [] };
    const naive = { region: HOME, status: 'open', $not: { preparedBy: 'cw-002' } };
    expect(evaluate(naive, unprepared)).toBeNull(); // the evaluator really models SQL NULLs
    const filter = accessibleFilter(defineAbilityFor(actorFor('caseworker')), 'claim', 'Task');
    expect(evaluate(filter ?? {}, unprepared)).toBe(true);
  });

  it('keeps a reviewer off the supervisor tier of a decision they reviewed, in the list as in CASL (社会保险经办条例 arts. 36–38)', () => {
    const ability = defineAbilityFor(actorFor('supervisor', { id: 'rv-003' }));
    const filter = accessibleFilter(ability, 'claim', 'Task') ?? {};
    const approval = (earlierDeciders: readonly string[]): Row => ({
      region: HOME,
      status: 'open',
      permission: 'supervise',
      assignee: null,
      preparedBy: 'cw-009',
      accusedStaff: [],
      earlierDeciders,
    });
    expect(evaluate(filter, approval(['cw-009']))).toBe(true);
    expect(evaluate(filter, approval(['cw-009', 'rv-003']))).toBe(false);
  });

  it('answers null when nothing may be listed, so the caller does not query (docs/architecture.md Permissions)', () => {
    expect(accessibleFilter(defineAbilityFor(actorFor('citizen')), 'read', 'Task')).toBeNull();
    expect(accessibleFilter(defineAbilityFor(actorFor('caseworker')), 'read', 'AuditEntry')).toBeNull();
    expect(accessibleFilter(defineAbilityFor({ id: 'cw-x', role: 'caseworker' }), 'read', 'Case')).toBeNull();
  });

  it('answers an empty filter (every row) for public reference data', () => {
    expect(accessibleFilter(defineAbilityFor(actorFor('citizen')), 'read', 'RegionParameters')).toEqual({});
  });

  type TaskQuery = MongoQuery<TaskSubject & ForcedSubject<'Task'>>;
  it.each<[string, TaskQuery | null, TaskQuery | null]>([
    ['$ne under can', { assignee: { $ne: 'cw-009' } }, null],
    ['$nin under can', { assignee: { $nin: ['cw-009', 'rv-003'] } }, null],
    ['null inside $in under can', { assignee: { $in: ['rv-003', null] } }, null],
    ['$eq null under can', { assignee: { $eq: null } }, null],
    ['$ne null under cannot', null, { assignee: { $ne: null } }],
    ['$ne under cannot', null, { preparedBy: { $ne: 'sv-004' } }],
    ['$in under cannot', null, { preparedBy: { $in: ['cw-002'] } }],
    ['null inside $nin under cannot', null, { preparedBy: { $nin: ['cw-002', null] } }],
    ['two fields under cannot after a conditional can', { region: HOME }, { status: { $ne: 'open' }, assignee: 'cw-009' }],
  ])('translates %s with CASL’s meaning of NULL', (_name, granted, denied) => {
    const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    if (granted) can('read', 'Task', granted);
    else can('read', 'Task');
    if (denied) cannot('read', 'Task', denied);
    const ability = build();
    expect(disagreements(ability, 'read', 'Task')).toEqual([]);
    const filter = accessibleFilter(ability, 'read', 'Task') ?? {};
    const admitted = samples.Task.filter((row) => evaluate(filter, row) === true);
    expect(admitted.length).toBeGreaterThan(0);
    expect(admitted.length).toBeLessThan(samples.Task.length);
  });

  it('refuses to translate an operator it cannot express safely, rather than widening the list', () => {
    const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    can('read', 'Task', { status: { $regex: '^op' } });
    expect(() => accessibleFilter(build(), 'read', 'Task')).toThrow(/\$regex/);
  });

  it('is a filter MikroORM 7 turns into the intended SQL', async () => {
    const Task = defineEntity({
      name: 'Task',
      properties: {
        id: p.string().primary(),
        caseType: p.string(),
        region: p.string(),
        status: p.string(),
        permission: p.string(),
        assignee: p.string().nullable(),
        preparedBy: p.string().nullable(),
        accusedStaff: p.array(),
        earlierDeciders: p.array(),
      },
    });
    // The constructor discovers metadata without connecting, so no database is needed to render the SQL.
    const orm = new MikroORM({ entities: [Task], dbName: 'policies' });
    try {
      const filter = accessibleFilter(defineAbilityFor(actorFor('caseworker')), 'complete', 'Task') ?? {};
      const sql = orm.em.fork().createQueryBuilder(Task).select('*').where(filter).getFormattedQuery();
      expect(sql).toContain(`"t0"."region" = '330102' and "t0"."assignee" = 'cw-002' and "t0"."permission" in ('review')`);
      expect(sql).toContain(`not ("t0"."prepared_by" is not null and "t0"."prepared_by" = 'cw-002')`);
      expect(sql).toContain(`not ("t0"."accused_staff" @> '{cw-002}')`);
      expect(sql).toContain(`not ("t0"."earlier_deciders" @> '{cw-002}')`);
      // 稽核调查 (rules §8): front-office staff never decide an investigation's task.
      expect(sql).toContain(`not ("t0"."case_type" is not null and "t0"."case_type" = 'investigation')`);
    } finally {
      await orm.close();
    }
  });
});
