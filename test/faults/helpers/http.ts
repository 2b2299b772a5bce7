/** Survey posts over a real socket, as a browser without JavaScript sends them. */
export interface Answers {
  resolved_first_contact: 'yes' | 'no';
  content_useful: string;
  decision_clearer: string;
  added_value: string;
  comment: string;
}

/** Deterministic answers for the n-th token, so the stored row can be checked field by field. */
export function answersFor(n: number): Answers {
  return {
    resolved_first_contact: n % 3 === 0 ? 'no' : 'yes',
    content_useful: String((n % 5) + 1),
    decision_clearer: String(((n + 1) % 5) + 1),
    added_value: String(((n + 2) % 5) + 1),
    comment: `Fault test answer ${n} — ñ "quoted" <b>`,
  };
}

export async function postSurvey(
  baseUrl: string,
  token: string,
  fields: Record<string, string>,
  init: { signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${baseUrl}/s/${token}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...init.headers },
    body: new URLSearchParams(fields).toString(),
    // A request the server never answers fails the test in seconds, not after undici's 5 minutes.
    signal: init.signal ?? AbortSignal.timeout(30_000),
  });
}

export const outcomeOf = (html: string) => /data-outcome="([^"]+)"/.exec(html)?.[1];

/** The values a survey page shows selected or typed: radio groups and the comment textarea. */
export function shownValues(html: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const m of html.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    if (!/\bchecked\b/.test(tag)) continue;
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    const value = /value="([^"]*)"/.exec(tag)?.[1];
    if (name && value !== undefined) values[name] = value;
  }
  const comment = /<textarea[^>]*name="comment"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1];
  if (comment !== undefined) values.comment = unescapeHtml(comment);
  return values;
}

function unescapeHtml(s: string): string {
  return s.replace(
    /&(lt|gt|quot|#39|#x27|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[e]!,
  );
}
