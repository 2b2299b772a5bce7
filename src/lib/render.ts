import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSX } from 'hono/jsx/jsx-runtime';

/** Sends a full page (with its doctype) or, for htmx requests, the same markup as a fragment. */
export async function renderHtml(
  c: Context,
  element: JSX.Element,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const markup = await element.toString();
  const isFragment = c.req.header('HX-Request') === 'true' && !/^\s*<html/i.test(markup);
  return c.html(isFragment ? markup : `<!doctype html>${markup}`, status);
}

export const isHtmx = (c: Context) => c.req.header('HX-Request') === 'true';

/** The request's own path and query (what a region still being computed asks again). */
export function ownHref(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
}
