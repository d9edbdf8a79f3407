// The read-only parts of the case page: facts, calculation workings, documents and the timeline.
import { caseWords } from '../case-types/case-type-labels.js';
import type { Lang, Translate } from '../i18n/messages.js';
import { shanghaiMinute } from '../time-display.js';
import type { CaseView } from './case.page.js';

/** A summary value as text: lists joined, objects as `key: value` pairs, nothing ever as "[object Object]". */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(show).join('；');
  if (typeof value === 'object') return Object.entries(value).map(([key, item]) => `${key}: ${show(item)}`).join('，');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

type Document = { name?: unknown; attachmentId?: unknown; sha256?: unknown };

export function CaseFacts(props: { view: CaseView; t: Translate; lang: Lang }) {
  const { view, t, lang } = props;
  const words = caseWords(lang);
  const fields = words.summaryFields(view.type).filter(([key]) => key in view.summary);
  const workings = Array.isArray(view.summary.workings) ? (view.summary.workings as unknown[]) : [];
  const documents = (Array.isArray(view.summary.documents) ? view.summary.documents : Array.isArray(view.summary.attachments) ? view.summary.attachments : []) as Document[];
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
        {fields.map(([key, label]) => (
          <>
            <dt>{label}</dt>
            <dd>{show(view.summary[key])}</dd>
          </>
        ))}
      </dl>
      {workings.length > 0 && (
        <ol class="workings">
          {workings.map((line) => (
            <li>{show(line)}</li>
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
              {show(doc.name ?? doc.attachmentId)} {doc.sha256 ? <code>{show(doc.sha256).slice(0, 12)}</code> : null}
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
  const detailText = (detail: Record<string, unknown>) => {
    // Decisions and corrections show their comment or reason, which is what the applicant waits to read.
    const said = detail.comment ?? detail.reason ?? detail.reply;
    return typeof said === 'string' && said ? said : '';
  };
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t('timeline')}</h2>
      <ol class="timeline" data-testid="timeline">
        {view.timeline.map((item) => (
          <li>
            <time datetime={item.at}>{shanghaiMinute(item.at)}</time> <span class="actor">{item.actor}</span> {item.action.startsWith('status.') ? `${t('status')}: ${words.status(view.type, item.action.slice('status.'.length))}` : words.action(item.action)}
            {detailText(item.detail) && <span class="detail"> — {detailText(item.detail)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
