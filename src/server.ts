/** Entry point: loadConfig → open and migrate the database → createApp → serve. */
import { serve } from '@hono/node-server';
import { loadConfig, ConfigError, type Config } from './config';
import { openDeps } from './deps';
import { createApp } from './app';
import { issueSetupLink } from './domain/staff';
import type { AppDeps } from './context';
import { startSender } from './mail/sender';
import { createSettingsTransport } from './mail/transport';
import { startMaintenance } from './jobs/maintenance';

export interface RunningServer {
  port: number;
  deps: AppDeps;
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const { db, deps, setWake } = await openDeps(config);
  const sender =
    config.sendIntervalSeconds > 0
      ? startSender(deps, createSettingsTransport(), config.sendIntervalSeconds)
      : undefined;
  if (sender) setWake(sender.wake);
  if (!config.smtpUrl)
    console.log('SMTP_URL is not set: survey mail stays in the outbox until mail is set up at /admin/mail.');
  const maintenance = startMaintenance(deps);
  const app = createApp(deps);
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (error) {
    await sender?.stop();
    await maintenance.stop();
    await db.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new StartupError(
        `PORT ${config.port} ${code === 'EADDRINUSE' ? 'is already in use by another process' : 'may not be opened by this user'}: stop that process or set PORT to another port.`,
      );
    }
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`CPI Lens listening on http://localhost:${port} (database ${describeUrl(config.databaseUrl)})`);
  const setupLink = await issueSetupLink(deps);
  if (setupLink) console.log(`No staff account yet. Create the first admin with this one-time link:\n${setupLink}`);
  return {
    port,
    deps,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sender?.stop();
      await maintenance.stop();
      await db.close();
    },
  };
}

const describeUrl = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

/** The config from the environment, or exit 2 with the message naming each bad variable. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** A reason the server cannot start that the operator can fix (printed without a stack). */
export class StartupError extends Error {}

/** Serves until SIGTERM/SIGINT, then finishes requests, stops the jobs and closes the database. */
export async function serveUntilSignalled(config: Config): Promise<void> {
  let running: RunningServer;
  try {
    running = await startServer(config);
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests and closing the database…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await running.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1]}`) await serveUntilSignalled(configOrExit());
