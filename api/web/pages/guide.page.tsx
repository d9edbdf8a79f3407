// 办事指南: the public guide page (issue 14 point 1). No sign-in; it shows GET /v1/guide, called in process like every
// page, so it prints exactly what the API answers. Printable: the print stylesheet drops the chrome and the search.
import { Hono } from 'hono';
import type { GuideProcedure } from '../../../services/guide/read-guide.js';
import { publicRateLimit } from '../../middleware/rate-limit.js';
import { unitText } from '../../../domain/guide/guide.js';
import { Layout } from '../layout.js';
import { frameOf, type WebDeps } from '../page-context.js';
import type { WebEnv } from '../web-env.js';

interface GuideAnswer {
  asOf: string;
  query: string | null;
  procedures: GuideProcedure[];
}

export const guidePages = (deps: WebDeps) =>
  new Hono<WebEnv>().get('/guide', publicRateLimit({ limit: 120, windowSeconds: 60 }), async (c) => {
    const { t } = c.var;
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const response = await deps.api.request(`/v1/guide${q ? `?q=${encodeURIComponent(q)}` : ''}`, { headers: { accept: 'application/json' } });
    if (!response.ok) return c.text(await response.text(), response.status as 400);
    const guide = (await response.json()) as GuideAnswer;
    return c.html(
      <Layout frame={frameOf(c)} title={t('guideTitle')}>
        <p class="muted">{t('guideIntro', { asOf: guide.asOf })}</p>
        <form method="get" action="/web/guide" class="filters no-print" role="search">
          <label>
            {t('guideSearchLabel')} <input type="search" name="q" value={q} maxlength={100} data-testid="guide-q" />
          </label>
          <button type="submit">{t('guideSearch')}</button>
          <button type="button" data-print>
            {t('guidePrint')}
          </button>
        </form>
        <p data-testid="guide-count">{guide.procedures.length === 0 ? t('guideNone') : t('guideFound', { n: guide.procedures.length })}</p>
        <nav class="no-print" aria-label={t('guideTitle')}>
          <ul class="inline-list">
            {guide.procedures.map((p) => (
              <li>
                <a href={`#${p.id}`}>{p.title}</a>
              </li>
            ))}
          </ul>
        </nav>
        {guide.procedures.map((p) => (
          <section class="card guide-procedure" id={p.id} data-testid={`procedure-${p.id}`}>
            <h2>{p.title}</h2>
            <p>{p.summary}</p>
            <h3>{t('guideWho')}</h3>
            <ul>
              {p.whoMayApply.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
            <h3>{t('guideDocuments')}</h3>
            <ul>
              {p.documents.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
            <h3>{t('guideSteps')}</h3>
            <ol>
              {p.steps.map((line) => (
                <li>{line}</li>
              ))}
            </ol>
            <h3>{t('guideDeadlines')}</h3>
            <table class="data">
              <tbody>
                {p.deadlines.map((d) => (
                  <tr data-setting={d.setting}>
                    <th scope="row">{d.label}</th>
                    <td data-testid="deadline-value">
                      {d.value}
                      {unitText(d.unit)}
                    </td>
                    <td>{d.kind === 'statutory' ? t('guideStatutory') : t('guideAgency')}</td>
                    <td>{d.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('guideBasis')}</h3>
            <ul>
              {p.legalBasis.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
            <p class="no-print">
              {t('guideChannel')}: {p.channel.page ? <a href={p.channel.page}>{p.channel.page}</a> : null} <code>{p.channel.route}</code>
            </p>
          </section>
        ))}
      </Layout>,
    );
  });
