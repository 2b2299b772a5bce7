/**
 * The only token code: survey and unsubscribe links, sessions, setup links and API keys.
 * Tokens are 256 random bits in base64url; only their SHA-256 (base64url) is stored.
 */
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;
/** 32 bytes in base64url without padding. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Checked before any query: anything else is answered like an unknown token. */
export function isWellFormedToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** API keys carry a readable prefix so a leaked key is recognisable in logs and scanners. */
const API_KEY_PREFIX = 'cpil_';
export function newApiKey(): { key: string; prefix: string } {
  const key = `${API_KEY_PREFIX}${newToken()}`;
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + 6) };
}

export function isWellFormedApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX) && isWellFormedToken(value.slice(API_KEY_PREFIX.length));
}

/** Hash of an email for the suppression list (opt-outs outlive erasure). */
export function hashEmail(email: string): string {
  return createHash('sha256').update(`cpi-lens:optout:${email.trim().toLowerCase()}`, 'utf8').digest('base64url');
}

/**
 * A request path as it may be logged: anything shaped like a token (a survey, unsubscribe
 * or benchmark link's last segments, an API key) is replaced, so no log line can open a
 * customer's survey or act as them.
 */
export function pathForLog(path: string): string {
  return path.replace(/[A-Za-z0-9_-]{20,}/g, '[token]');
}

/**
 * A webhook signing secret as Standard Webhooks spells it: `whsec_` + base64 of 32 random
 * bytes. Unlike the tokens above it is stored as is: the signature is an HMAC keyed by it.
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** A webhook message id (`webhook-id`): one per event, stable across retries. */
export function newWebhookMessageId(): string {
  return `msg_${randomBytes(16).toString('base64url')}`;
}
