// The petitioner's part of a petition's case page (信访工作条例 arts. 32–36, rules §7; the deadlines with the
// days left are the case page's own): the documents sent to them (acceptance notice, the written reply, opinions), rating the reply,
// and asking for review (复查) or re-review (复核). Everything comes from and goes to GET/POST /v1/petitions/{ref}.
import { shanghaiMinute } from '../time-display.js';
import type { ApplicantFollowUp } from './filings.js';
import { noticeKindLabel, noticeLines } from './notice-labels.js';
import { Csrf } from '../layout.js';

interface PetitionView {
  reference: string;
  documents: { kind: string; sentAt: string; content: Record<string, unknown> }[];
  allowedActions: string[];
}

const words = {
  title: { zh: '我的信访', en: 'My petition' },
  documents: { zh: '告知书与答复', en: 'Notices and replies' },
  none: { zh: '暂无', en: 'None yet' },
  rate: { zh: '评价答复', en: 'Rate the reply' },
  score: { zh: '满意度（1 不满意 – 5 满意）', en: 'Score (1 poor – 5 good)' },
  comment: { zh: '评价意见（可选）', en: 'Comment (optional)' },
  sendRating: { zh: '提交评价', en: 'Send rating' },
  review: { zh: '对处理意见不服，请求复查（30 日内）', en: 'Ask for review (within 30 days)' },
  rereview: { zh: '对复查意见不服，请求复核（30 日内）', en: 'Ask for re-review (within 30 days)' },
} as const;

const slug = (reference: string) => encodeURIComponent(reference);

export const petitionFollowUp: ApplicantFollowUp = {
  load: async (call, reference) => {
    const answer = await call<PetitionView>('GET', `/v1/petitions/${slug(reference)}`);
    return answer.ok ? answer.body : null;
  },
  Panel({ data, reference, session, lang }) {
    const view = data as PetitionView;
    const actions = new Set(view.allowedActions);
    const post = (name: string) => `/web/cases/${slug(reference)}/follow-up/${name}`;
    return (
      <section aria-labelledby="petition-follow-up" class="panel" data-testid="petition-follow-up">
        <h2 id="petition-follow-up">{words.title[lang]}</h2>
        <h3>{words.documents[lang]}</h3>
        {view.documents.length === 0 ? (
          <p>{words.none[lang]}</p>
        ) : (
          <ol class="documents" data-testid="petition-documents">
            {view.documents.map((doc) => (
              <li data-kind={doc.kind}>
                <strong>{noticeKindLabel(doc.kind, lang)}</strong> <time datetime={doc.sentAt}>{shanghaiMinute(doc.sentAt)}</time>
                <dl class="facts">
                  {noticeLines(doc.content, lang).map(([label, value]) => (
                    <>
                      <dt>{label}</dt>
                      <dd>{value}</dd>
                    </>
                  ))}
                </dl>
              </li>
            ))}
          </ol>
        )}
        {actions.has('rate') && (
          <form method="post" action={post('rate')} data-testid="petition-rating">
            <Csrf session={session} />
            <fieldset>
              <legend>{words.rate[lang]}</legend>
              <label>
                {words.score[lang]}
                <select name="score" required>
                  {['5', '4', '3', '2', '1'].map((score) => (
                    <option value={score}>{score}</option>
                  ))}
                </select>
              </label>
              <label>
                {words.comment[lang]}
                <input name="comment" maxlength={500} />
              </label>
              <button type="submit">{words.sendRating[lang]}</button>
            </fieldset>
          </form>
        )}
        {(['review', 'rereview'] as const)
          .filter((stage) => actions.has(stage === 'review' ? 'requestReview' : 'requestRereview'))
          .map((stage) => (
            <form method="post" action={post(stage)} data-testid={`petition-${stage}`} class="inline">
              <Csrf session={session} />
              <button type="submit">{words[stage][lang]}</button>
            </form>
          ))}
      </section>
    );
  },
  actions: {
    rate: (form, call, reference) => {
      const comment = typeof form.comment === 'string' ? form.comment.trim() : '';
      return call('POST', `/v1/petitions/${slug(reference)}/rating`, { score: Number(form.score), ...(comment ? { comment } : {}) });
    },
    review: (_form, call, reference) => call('POST', `/v1/petitions/${slug(reference)}/review-requests`, { stage: 'review' }),
    rereview: (_form, call, reference) => call('POST', `/v1/petitions/${slug(reference)}/review-requests`, { stage: 'rereview' }),
  },
};
