/**
 * Mail settings made in the app (/admin/mail): SMTP URL, sender name and address, reply-to and
 * a logo on our origin, stored as one JSON value under `mail` in `settings`. The environment
 * (SMTP_URL, MAIL_FROM) gives the defaults; the SMTP password is sealed with the secrets key
 * (src/lib/secrets.ts) and never leaves this module except inside the URL the transport uses.
 */
import { z } from 'zod';
import type { AppDeps } from '../context';
import { getSettingValue, saveSetting } from '../../db/queries/settings';
import { recordAudit } from '../../db/queries/audit';
import { openSecret, sealSecret, sealedSecretSchema } from '../lib/secrets';
import { email } from './inputs';

const SETTING_KEY = 'mail';

const storedSchema = z.object({
  /** Without its password. */
  smtpUrl: z.string().nullable().default(null),
  smtpPassword: sealedSecretSchema.nullable().default(null),
  senderName: z.string().nullable().default(null),
  senderAddress: z.string().nullable().default(null),
  replyTo: z.string().nullable().default(null),
  logoUrl: z.string().nullable().default(null),
});
type StoredMailSettings = z.infer<typeof storedSchema>;

/** What the sender uses at send time. */
export interface EffectiveMail {
  /** With its password; undefined: mail stays in the outbox. */
  smtpUrl: string | undefined;
  /** `"Name" <address>` */
  from: string;
  replyTo: string | undefined;
  logoUrl: string | undefined;
}

/** What the form shows: never the password, only whether one is set. */
export interface MailSettingsView {
  smtpUrl: string;
  passwordSet: boolean;
  senderName: string;
  senderAddress: string;
  replyTo: string;
  logoUrl: string;
  defaults: { smtpUrl: string; senderName: string; senderAddress: string };
  /** False on a libSQL server without SECRETS_KEY: a password cannot be saved. */
  canSaveSecrets: boolean;
}

/** Splits `Name <addr>` (MAIL_FROM) into its parts. */
function parseMailbox(mailbox: string): { name: string; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailbox);
  if (match) return { name: match[1]?.trim() ?? '', address: match[2]?.trim() ?? '' };
  return { name: '', address: mailbox.trim() };
}

const formatMailbox = (name: string, address: string) => (name ? `"${name}" <${address}>` : address);

/** A URL with its password removed (what is stored and shown), and the password. */
function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return { url: parsed.toString().replace(/\/$/, ''), password };
}

const maskPassword = (url: string) => url.replace(/(\/\/[^:/@\s]*:)[^@/\s]*@/, '$1***@');

async function readStored(deps: AppDeps): Promise<StoredMailSettings> {
  const parsed = storedSchema.safeParse((await getSettingValue(deps.db.read, SETTING_KEY)) ?? {});
  return parsed.success ? parsed.data : storedSchema.parse({});
}

/** Said once per process: every send run would repeat it. */
let warnedUnopenable = false;

/** The stored SMTP URL with its password put back; undefined when it cannot be opened (wrong key). */
function smtpUrlOf(deps: AppDeps, stored: StoredMailSettings): string | undefined {
  if (!stored.smtpUrl) return undefined;
  if (!stored.smtpPassword) return stored.smtpUrl;
  if (!deps.secretsKey) return undefined;
  try {
    const url = new URL(stored.smtpUrl);
    url.password = encodeURIComponent(openSecret(deps.secretsKey, stored.smtpPassword));
    return url.toString().replace(/\/$/, '');
  } catch {
    if (!warnedUnopenable)
      console.error('[mail] the stored SMTP password cannot be opened with this secrets key; using SMTP_URL');
    warnedUnopenable = true;
    return undefined;
  }
}

/** The settings in force now: the app's over the environment's, field by field. */
export async function getEffectiveMail(deps: AppDeps): Promise<EffectiveMail> {
  const stored = await readStored(deps);
  const env = parseMailbox(deps.config.mailFrom);
  return {
    smtpUrl: smtpUrlOf(deps, stored) ?? deps.config.smtpUrl,
    from: formatMailbox(stored.senderName ?? env.name, stored.senderAddress ?? env.address),
    replyTo: stored.replyTo ?? undefined,
    logoUrl: stored.logoUrl ?? undefined,
  };
}

export async function getMailSettingsView(deps: AppDeps): Promise<MailSettingsView> {
  const stored = await readStored(deps);
  const env = parseMailbox(deps.config.mailFrom);
  return {
    smtpUrl: stored.smtpUrl ?? '',
    passwordSet: stored.smtpPassword !== null,
    senderName: stored.senderName ?? '',
    senderAddress: stored.senderAddress ?? '',
    replyTo: stored.replyTo ?? '',
    logoUrl: stored.logoUrl ?? '',
    defaults: {
      smtpUrl: deps.config.smtpUrl ? maskPassword(deps.config.smtpUrl) : '',
      senderName: env.name,
      senderAddress: env.address,
    },
    canSaveSecrets: deps.secretsKey !== undefined,
  };
}

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !/[\r\n]/.test(v), 'must not contain line breaks');

/** The form as posted; blank fields fall back to the environment. */
export function mailSettingsInput(baseUrl: string) {
  return z.object({
    smtpUrl: z.preprocess(
      blankToNull,
      oneLine(500)
        .refine((v) => /^smtps?:\/\/[^/\s]+/.test(v) && URL.canParse(v), 'must look like smtp://user@host:587')
        .nullable(),
    ),
    smtpPassword: z.preprocess(blankToNull, z.string().max(500).nullable()),
    clearPassword: z.preprocess((v) => v === 'yes', z.boolean()),
    senderName: z.preprocess(
      blankToNull,
      oneLine(100)
        .refine((v) => !/["<>]/.test(v), 'must not contain " < or >')
        .nullable(),
    ),
    senderAddress: z.preprocess(blankToNull, email.nullable()),
    replyTo: z.preprocess(blankToNull, email.nullable()),
    logoUrl: z.preprocess(
      blankToNull,
      oneLine(500)
        .refine(
          (v) => v.startsWith(`${baseUrl}/`) || (v.startsWith('/') && !v.startsWith('//')),
          `must be on ${baseUrl} (or a path such as /assets/logo.png), or empty for none`,
        )
        .transform((v) => (v.startsWith('/') ? `${baseUrl}${v}` : v))
        .nullable(),
    ),
  });
}
export type MailSettingsInput = z.infer<ReturnType<typeof mailSettingsInput>>;

/**
 * Saves the settings (one audit entry naming the fields, never the password). A password in
 * the URL or the replace field is sealed; none keeps the one set unless cleared. Without a
 * secrets key a password cannot be saved (nothing is written).
 */
export async function saveMailSettings(
  deps: AppDeps,
  input: MailSettingsInput,
  actor: string,
): Promise<{ ok: true } | { ok: false; field: 'smtpPassword' }> {
  const previous = await readStored(deps);
  const split = input.smtpUrl ? splitPassword(input.smtpUrl) : undefined;
  const newPassword = input.smtpPassword ?? split?.password;
  let smtpPassword = input.clearPassword || !split ? null : previous.smtpPassword;
  if (newPassword !== undefined && newPassword !== null && split) {
    if (!deps.secretsKey) {
      return { ok: false, field: 'smtpPassword' };
    }
    smtpPassword = sealSecret(deps.secretsKey, newPassword);
  }
  const next: StoredMailSettings = {
    smtpUrl: split?.url ?? null,
    smtpPassword,
    senderName: input.senderName,
    senderAddress: input.senderAddress,
    replyTo: input.replyTo,
    logoUrl: input.logoUrl,
  };
  const changed = (Object.keys(next) as (keyof StoredMailSettings)[]).filter(
    (k) => JSON.stringify(next[k]) !== JSON.stringify(previous[k]),
  );
  const now = deps.clock.nowMs();
  await deps.db.write(async (tx) => {
    await saveSetting(tx, SETTING_KEY, next, now);
    await recordAudit(tx, now, { actor, action: 'settings.mail', detail: { changed } });
  });
  return { ok: true };
}
