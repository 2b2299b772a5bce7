/**
 * Secrets at rest (the SMTP password of the mail settings): AES-256-GCM with a key from
 * SECRETS_KEY, or — on a database file without it — from a key file created beside the
 * database on first start (mode 0600). On a libSQL server there is no key without SECRETS_KEY,
 * and no secret can be saved.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** A stored secret: base64url IV, ciphertext and tag. Never the plaintext. */
export const sealedSecretSchema = z.object({ v: z.literal(1), iv: z.string(), data: z.string(), tag: z.string() });
export type SealedSecret = z.infer<typeof sealedSecretSchema>;

/** 32 bytes from 64 hex digits or base64 (config.ts checked the shape). */
function parseSecretsKey(value: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error('parseSecretsKey: the key must be 32 bytes');
  return key;
}

/** The key file of a database file URL (`file:data/x.db` → `data/x.db.secrets-key`); none for a server or :memory:. */
export function secretsKeyPath(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith('file:')) return undefined;
  const path = databaseUrl.slice('file:'.length).replace(/\?.*$/, '');
  return path === '' || path === ':memory:' ? undefined : resolve(`${path}.secrets-key`);
}

/**
 * The secrets key: SECRETS_KEY, else the key file beside a database file (created with mode 0600
 * and said once in the log — its path, never the key), else undefined (a libSQL server).
 */
export function loadSecretsKey(
  config: { secretsKey: string | undefined; databaseUrl: string },
  log: (line: string) => void = console.log,
): Buffer | undefined {
  if (config.secretsKey) return parseSecretsKey(config.secretsKey);
  const path = secretsKeyPath(config.databaseUrl);
  if (!path) return undefined;
  if (existsSync(path)) return parseSecretsKey(readFileSync(path, 'utf8').trim());
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  log(
    `[secrets] created ${path} (mode 0600) to encrypt secrets in the database; keep it with the database, or set SECRETS_KEY.`,
  );
  return parseSecretsKey(readFileSync(path, 'utf8').trim());
}

export function sealSecret(key: Buffer, plaintext: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    v: 1,
    iv: iv.toString('base64url'),
    data: data.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}

/** The plaintext, or throws when the key is wrong or the value was changed. */
export function openSecret(key: Buffer, sealed: SealedSecret): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64url')), decipher.final()]).toString('utf8');
}
