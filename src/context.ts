import type { Config } from './config';
import type { Db } from '../db/client';
import type { Clock } from './lib/clock';
import type { ApiScope, Role, Locale } from '../db/schema';

/** What every route factory is built from; injected by createApp (tests build their own). */
export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly clock: Clock;
  /** Asks the in-process sender to run soon (after new mail is queued); a no-op when it is off. */
  readonly wakeSender: () => void;
  /** Seals secrets stored in the database (src/lib/secrets.ts); undefined on a libSQL server without SECRETS_KEY. */
  readonly secretsKey?: Buffer | undefined;
}

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  /** Teams a trainer coaches; empty for admins and leads, who see every team. */
  teamIds: number[];
}

interface ApiKeyInfo {
  id: number;
  name: string;
  scope: ApiScope;
}

export type AppEnv = {
  Variables: {
    user: SessionUser | undefined;
    apiKey: ApiKeyInfo;
    /** The request's client address (socket), for failure rate limits. */
    clientAddress: string;
  };
};
