// The read-only parts of the case page: facts, calculation workings, documents and the timeline.
import { caseWords } from '../case-types/case-type-labels.js';
import { actorLabels, labelOf, systemReasonText } from '../i18n/enum-labels.js';
import type { Lang, Translate } from '../i18n/messages.js';
import { shanghaiMinute } from '../time-display.js';
import type { CaseView } from './case.page.js';

/** A free-text value as the page shows it ('—' when empty). */
const text = (value: unknown): string => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : '—');

type Document = { name?: unknown; attachmentId?: unknown; sha256?: unknown };

export function CaseFacts(props: { view: CaseView; t: Translate; lang: Lang }) {
  const { view, t, lang } = props;
  const words = caseWords(lang);
  const fields = words.summaryLines(view.type, view.summary);
  const workings = Array.isArray(view.summary.workings) ? (view.summary.workings as unknown[]) : [];
  const documents = (
    Array.isArray(view.summary.documents) ? view.summary.documents : Array.isArray(view.summary.attachments) ? view.summary.attachments : []
  ) as Document[];
  return (
    <section aria-labelledby="facts">
      <h2 id="facts">{t('workings')}</h2>
      <dl class="facts">
        <dt>{t('reference')}</dt>
        <dd data-testid="case-reference">{view.reference}</dd>
        <dt>{t('subject')}</dt>
        <dd>{[view.subject.name, view.subject.citizenId, view.subject.employerCreditCode].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{t('region')}</dt>
        <dd>{view.region}</dd>
        <dt>{t('openedAt')}</dt>
        <dd>{shanghaiMinute(view.openedAt)}</dd>
        <dt>{t('lastProgress')}</dt>
        <dd>{shanghaiMinute(view.lastProgressAt)}</dd>
        {fields.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      {workings.length > 0 && (
        <ol class="workings">
          {workings.map((line) => (
            <li>{text(line)}</li>
          ))}
        </ol>
      )}
      <h3>{t('documents')}</h3>
      {documents.length === 0 ? (
        <p>—</p>
      ) : (
        <ul>
          {documents.map((doc) => (
            <li>
              {text(doc.name ?? doc.attachmentId)} {typeof doc.sha256 === 'string' ? <code>{doc.sha256.slice(0, 12)}</code> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Timeline(props: { view: CaseView; t: Translate; lang: Lang }) {
  const { view, t, lang } = props;
  const words = caseWords(lang);
  // Decisions and corrections show their comment or reason, which is what the applicant waits to read; a system line's
  // reason is one of the code's own sentences and reads in the page's language.
  const detailText = (item: CaseView['timeline'][number]) => {
    const said = item.detail.comment ?? item.detail.reason ?? item.detail.reply;
    if (typeof said !== 'string' || said === '') return '';
    return item.actor === 'system' ? systemReasonText(said, lang) : said;
  };
  const actorName = (actor: string) => labelOf(actorLabels, actor, lang);
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t('timeline')}</h2>
      <ol class="timeline" data-testid="timeline">
        {view.timeline.map((item) => (
          <li>
            <time datetime={item.at}>{shanghaiMinute(item.at)}</time> <span class="actor">{actorName(item.actor)}</span>{' '}
            {item.action.startsWith('status.')
              ? `${t('status')}: ${words.status(view.type, item.action.slice('status.'.length))}`
              : words.action(item.action, view.type)}
            {detailText(item) && <span class="detail"> — {detailText(item)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
