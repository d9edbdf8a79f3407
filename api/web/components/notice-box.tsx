// The three ways a page part ends up: the API refused (its reason, in the page's language), there is nothing to show,
// or the content. Every page that lists something from the API renders that choice through `Answered`.
import type { Child } from 'hono/jsx';
import type { ApiAnswer, Problem } from '../api-client.js';
import { describeProblem } from '../i18n/problem-text.js';
import type { Lang, Translate } from '../i18n/messages.js';

/** A success or refusal line; refusals are announced to screen readers. */
export function Notice(props: { kind: 'ok' | 'error'; title?: string; text: string; code?: string }) {
  return (
    <div class={`notice ${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'} data-testid={`notice-${props.kind}`} data-code={props.code}>
      {props.title && <strong>{props.title}: </strong>}
      {props.text}
    </div>
  );
}

/** An API refusal: a Chinese sentence chosen by its code on Chinese pages, the API's own detail on English ones. */
export function RefusalNotice(props: { problem: Problem; t: Translate; lang: Lang }) {
  return <Notice kind="error" title={props.t('refused')} text={describeProblem(props.problem, props.lang)} code={props.problem.code} />;
}

/** A flash after a form post: done, or refused with the API's problem (or a page's own sentence). */
export type Flash = { kind: 'ok'; text: string } | { kind: 'error'; problem: Problem } | { kind: 'error'; text: string };

export function FlashNotice(props: { flash: Flash; t: Translate; lang: Lang }) {
  const { flash, t, lang } = props;
  if ('problem' in flash) return <RefusalNotice problem={flash.problem} t={t} lang={lang} />;
  return <Notice kind={flash.kind} title={flash.kind === 'error' ? t('refused') : undefined} text={flash.text} />;
}

/** A list answer (`{items: []}`) with nothing in it. */
const hasNoItems = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && 'items' in body && Array.isArray(body.items) && body.items.length === 0;

/**
 * Refused → the reason; empty (by `isEmpty`, default: no `items`) → "nothing here"; otherwise `render(body)`. The
 * empty line carries `data-testid="empty"`.
 */
export function Answered<T>(props: {
  answer: ApiAnswer<T>;
  t: Translate;
  lang: Lang;
  isEmpty?: (body: T) => boolean;
  empty?: string;
  render: (body: T) => Child;
}) {
  const { answer, t, lang } = props;
  if (!answer.ok) return <RefusalNotice problem={answer.problem} t={t} lang={lang} />;
  if ((props.isEmpty ?? hasNoItems)(answer.body)) return <EmptyLine text={props.empty ?? t('noItems')} />;
  return <>{props.render(answer.body)}</>;
}

export const EmptyLine = (props: { text: string }) => <p data-testid="empty">{props.text}</p>;
