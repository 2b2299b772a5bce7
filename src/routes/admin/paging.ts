/** Offset pagination for admin lists: `?page=` within 1…pageCount. */
const PAGE_SIZE = 50;
/** Lists whose rows run tall on a phone (the outbox, suppressions): fewer a page. */
export const TALL_PAGE_SIZE = 20;

export interface Paging {
  page: number;
  pageCount: number;
  offset: number;
  limit: number;
}

export function paging(raw: string | undefined, total: number, pageSize = PAGE_SIZE): Paging {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const asked = raw !== undefined && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  const page = Math.min(Math.max(1, asked), pageCount);
  return { page, pageCount, offset: (page - 1) * pageSize, limit: pageSize };
}

/** A list URL with its filter and page (page 1 and an absent filter are left out). */
export function listHref(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || (key === 'page' && value === 1)) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
