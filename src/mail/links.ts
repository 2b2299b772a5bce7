/**
 * The survey and unsubscribe links of a not-yet-sent message, read from its stored text
 * part, so that without SMTP an admin (or a newcomer trying the product) can open them.
 * Only http(s) links into this app's own BASE_URL are taken.
 */
export interface MailLinks {
  survey?: string;
  unsubscribe?: string;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;

export function mailLinks(textBody: string | null, baseUrl: string): MailLinks {
  if (!textBody) return {};
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const links: MailLinks = {};
  for (const [candidate] of textBody.matchAll(URL_IN_TEXT)) {
    if (!URL.canParse(candidate)) continue;
    const url = new URL(candidate);
    if (
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.origin !== base.origin ||
      url.username ||
      url.password
    )
      continue;
    const rest = url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : undefined;
    if (rest === undefined) continue;
    if (/^\/s\/[A-Za-z0-9_-]+$/.test(rest) && url.search === '') links.survey ??= url.href;
    if (/^\/u\/[A-Za-z0-9_-]+$/.test(rest) && url.search === '') links.unsubscribe ??= url.href;
  }
  return links;
}
