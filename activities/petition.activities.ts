import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import { loadCalendarYears } from '../db/queries/calendar.query.js';
import { appendAudit, appendTimeline } from '../db/writers/case-log.js';
import type { ActivityDeps } from './deps.js';

export function createPetitionActivities({ orm, clock }: ActivityDeps) {
  return {
    /**
     * The holiday calendar (recorded in history so a replay counts the same days) and, for art. 36, the reference of
     * this petitioner's earlier petition on the same matter that re-review already concluded, if any.
     */
    loadPetitionContext: async (input: {
      caseId: string;
      petitionerId: string;
      matterKey: string;
    }): Promise<{
      calendar: CalendarYear[];
      concludedReference: string | null;
      /** The regions this system serves: a petition is forwarded only to one of them. */
      regions: string[];
      /** Each served region's administrative parent, as region data (review and re-review bodies, arts. 35–36). */
      parents: Record<string, string | null>;
    }> => {
      const em = orm.em.fork();
      const [concluded] = await em.execute<{ reference: string }[]>(
        `select c.reference from petition p join case_record c on c.id = p.case_id
         where p.petitioner_id = ? and p.matter_key = ? and c.status = 'rereviewed' and c.id <> ?
         order by c.closed_at limit 1`,
        [input.petitionerId, input.matterKey, input.caseId],
      );
      const regions = await em.execute<{ code: string; parent_code: string | null }[]>('select code, parent_code from region order by code');
      return {
        calendar: await loadCalendarYears(em),
        concludedReference: concluded?.reference ?? null,
        regions: regions.map((r) => r.code),
        parents: Object.fromEntries(regions.map((r) => [r.code, r.parent_code])),
      };
    },

    /**
     * Lets the staff of another body read the case they are asked to decide on: the body a petition was forwarded to,
     * or the body one or two levels up that reviews it (arts. 23, 35, 36). Idempotent; audited once per region.
     */
    sharePetitionWithRegion: async (input: { caseId: string; region: string }): Promise<void> => {
      const at = clock.now();
      await orm.em.fork().transactional(async (em) => {
        await em.execute(
          'update case_record set shared_with_regions = array_append(shared_with_regions, ?) where id = ? and not (? = any(shared_with_regions))',
          [input.region, input.caseId, input.region],
        );
        await appendAudit(em, {
          at,
          actorId: 'system',
          actorRole: 'system',
          region: input.region,
          action: 'case.shared',
          objectType: 'Case',
          objectId: input.caseId,
          detail: { region: input.region },
          key: `case:${input.caseId}:shared:${input.region}`,
        });
      });
    },

    /** The petitioner's rating of the reply (art. 34 evaluation); the first rating stands, so a retry changes nothing. */
    recordPetitionRating: async (input: { caseId: string; score: number; comment: string }): Promise<void> => {
      const at = clock.now();
      await orm.em.fork().transactional(async (em) => {
        await em.execute('update petition set rating = ?, rating_comment = ?, rated_at = ? where case_id = ? and rating is null', [
          input.score,
          input.comment.slice(0, 500),
          at,
          input.caseId,
        ]);
        await appendTimeline(em, {
          caseId: input.caseId,
          key: `${input.caseId}:rated`,
          at,
          actor: 'petitioner',
          action: 'petition.rated',
          detail: { score: input.score },
        });
        await appendAudit(em, {
          at,
          actorId: 'petitioner',
          actorRole: 'citizen',
          region: null,
          action: 'petition.rated',
          objectType: 'Case',
          objectId: input.caseId,
          detail: { score: input.score },
          key: `case:${input.caseId}:rated`,
        });
      });
    },
  };
}
