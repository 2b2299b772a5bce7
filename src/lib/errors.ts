/**
 * Typed errors, thrown anywhere and mapped once (src/app.tsx onError) to a page,
 * a fragment or the JSON error shape (docs/api.md, "Errors"), by the kind of request.
 */
import type { DatabaseUnavailableError } from '../../db/errors';

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly retryAfterSeconds?: number,
    /** Numbers a page needs to say what was refused (e.g. a field cap). */
    readonly params: Readonly<Record<string, number>> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, issues: FieldIssue[] = []) =>
  new AppError(400, 'bad_request', message, issues);
export const unauthorized = (message = 'A valid API key is required.') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'You may not do this.') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new AppError(404, 'not_found', message);
export const conflict = (message: string, issues: FieldIssue[] = []) => new AppError(409, 'conflict', message, issues);
export const tooLarge = (message = 'The request is too large.') => new AppError(413, 'too_large', message);
export const unsupportedMediaType = (message = 'Send JSON with Content-Type: application/json.') =>
  new AppError(415, 'unsupported_media_type', message);
export const invalid = (issues: FieldIssue[], message = 'Some fields are invalid.') =>
  new AppError(422, 'invalid', message, issues);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', 'Too many failed attempts. Try again later.', [], retryAfterSeconds);
const unavailable = (message = 'The database is busy. Try again shortly.', retryAfterSeconds = 2) =>
  new AppError(503, 'unavailable', message, [], retryAfterSeconds);

/** The 503 for a database that cannot take the work (db/errors.ts): busy a moment, or storage full or failing. */
export const databaseUnavailable = (error: DatabaseUnavailableError) =>
  unavailable(error.message, error.reason === 'storage' ? 30 : 2);
