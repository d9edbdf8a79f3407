import type { Child } from 'hono/jsx';
import type { Actor } from '../../policies/abilities.js';
import { labelOf, roleLabels } from './i18n/enum-labels.js';
import type { Lang, MessageKey, Translate } from './i18n/messages.js';
import type { Session } from './web-env.js';

export interface PageFrame {
  t: Translate;
  lang: Lang;
  session: Session | null;
  /** The current URL (path and query), for the language toggle. */
  url: URL;
}

type NavItem = { key: MessageKey; href: string };

const worklists: NavItem[] = [
  { key: 'navAvailable', href: '/web/tasks?view=available' },
  { key: 'navMine', href: '/web/tasks?view=mine' },
  { key: 'navTeam', href: '/web/tasks?view=team' },
  { key: 'navOverdue', href: '/web/tasks?view=overdue' },
];

/** The menu follows the users' words and shows only what the role can use (the API still decides each request). */
function navFor(actor: Actor): NavItem[] {
  switch (actor.role) {
    case 'citizen':
      return [
        { key: 'navMyCases', href: '/web/cases' },
        { key: 'navFile', href: '/web/file' },
        { key: 'navNotices', href: '/web/notices' },
        { key: 'navRecord', href: '/web/record' },
        // Their own benefit payments only (GET /v1/benefit-payments answers the caller's lines).
        { key: 'navPayments', href: '/web/payments' },
        // 个人账户支付 from their own medical account (POST /v1/medical-account-spendings).
        { key: 'navAccountPayments', href: '/web/medical-account-spendings' },
      ];
    case 'employer':
      return [
        { key: 'navMyCases', href: '/web/cases' },
        { key: 'navFile', href: '/web/file' },
        { key: 'navDeclarations', href: '/web/declarations' },
        { key: 'navBills', href: '/web/bills' },
        { key: 'navArrears', href: '/web/arrears' },
        { key: 'navNotices', href: '/web/notices' },
      ];
    case 'caseworker':
    case 'reviewer':
      // 待遇拨付: front-office staff read the region's payrolls and decide their held lines (CASL read Payroll).
      // 追回: the counter records repayments and instalment agreements of the region's overpayments.
      return [
        ...worklists,
        { key: 'navCases', href: '/web/cases' },
        { key: 'navFile', href: '/web/file' },
        { key: 'navPayrolls', href: '/web/payrolls' },
        { key: 'navRecoveries', href: '/web/recoveries' },
        // 个人账户支付 at the counter, for accounts kept in the region.
        { key: 'navAccountPayments', href: '/web/medical-account-spendings' },
      ];
    case 'supervisor':
      return [
        { key: 'navSupervisor', href: '/web/supervisor' },
        { key: 'navStatistics', href: '/web/statistics' },
        ...worklists,
        { key: 'navCases', href: '/web/cases' },
        { key: 'navAudit', href: '/web/audit' },
        { key: 'navMedicalLedgers', href: '/web/medical-ledgers' },
        { key: 'navPayrolls', href: '/web/payrolls' },
        // 追回 and 核销: a supervisor also writes off what cannot be recovered.
        { key: 'navRecoveries', href: '/web/recoveries' },
        // 稽核调查 (rules §8): the investigations the supervision controls opened.
        { key: 'navInvestigations', href: '/web/investigations' },
      ];
    case 'auditor':
      return [
        { key: 'navCases', href: '/web/cases' },
        { key: 'navAudit', href: '/web/audit' },
        { key: 'navStatistics', href: '/web/statistics' },
        { key: 'navMedicalLedgers', href: '/web/medical-ledgers' },
        { key: 'navPayrolls', href: '/web/payrolls' },
        { key: 'navRecoveries', href: '/web/recoveries' },
        { key: 'navInvestigations', href: '/web/investigations' },
      ];
    case 'admin':
      return [
        { key: 'navCases', href: '/web/cases' },
        { key: 'navAudit', href: '/web/audit' },
        { key: 'navStatistics', href: '/web/statistics' },
        // 离休 / 二乙 ledgers are kept for audit (rules §5.6).
        { key: 'navMedicalLedgers', href: '/web/medical-ledgers' },
        // Auditors read payrolls; administrators run them and import the returns (CASL Payroll).
        { key: 'navPayrolls', href: '/web/payrolls' },
      ];
  }
}

const toggled = (url: URL, lang: Lang): string => {
  const next = new URL(url.href);
  next.searchParams.set('lang', lang === 'zh' ? 'en' : 'zh');
  return `${next.pathname}${next.search}`;
};

/** The page chrome: skip link, menu, language toggle, who is signed in, and a sign-out form. */
export function Layout(props: { frame: PageFrame; title: string; current?: string; children?: Child }) {
  const { t, lang, session, url } = props.frame;
  const here = `${url.pathname}${url.search}`;
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('appName')}`}</title>
        <link rel="stylesheet" href="/web/assets/web.css" />
        <script src="/web/assets/web.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {t('skipToContent')}
        </a>
        <header class="top">
          <a class="brand" href="/web">
            {t('appName')}
          </a>
          {session && (
            <nav aria-label={t('appName')}>
              <ul>
                {navFor(session.actor).map((item) => (
                  <li>
                    <a href={item.href} aria-current={here === item.href || props.current === item.key ? 'page' : undefined}>
                      {t(item.key)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div class="who">
            <a href="/web/guide" data-testid="guide-link">
              {t('guideTitle')}
            </a>
            <a href={toggled(url, lang)} hreflang={lang === 'zh' ? 'en' : 'zh'} data-testid="lang-toggle">
              {t('switchLang')}
            </a>
            {session ? (
              <form method="post" action="/web/sign-out">
                <input type="hidden" name="_csrf" value={session.csrf} />
                <span data-testid="who">
                  {t('signedInAs')}: {session.actor.name ?? session.actor.id} ({labelOf(roleLabels, session.actor.role, lang)})
                </span>{' '}
                <button type="submit">{t('signOut')}</button>
              </form>
            ) : (
              <a href="/web/sign-in">{t('signIn')}</a>
            )}
          </div>
        </header>
        <main id="main" tabindex={-1}>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** The hidden CSRF field every form carries (why it is still worth carrying: session.ts). */
export const Csrf = (props: { session: Session }) => <input type="hidden" name="_csrf" value={props.session.csrf} />;
