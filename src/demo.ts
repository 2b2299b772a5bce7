/**
 * `npm run demo`: loads the reproducible demo workspace (db/demo.ts; idempotent), prints
 * what it holds and the demo logins, then serves exactly like `npm start`.
 */
import { loadConfig, ConfigError, type Config } from './config';
import { openDeps, startServer } from './server';
import { DEMO_LOGINS, DemoRefusedError, describeDemo, loadDemoWorkspace } from '../db/demo';

async function loadAndDescribe(config: Config): Promise<void> {
  const { db, deps } = await openDeps(config);
  try {
    const result = await loadDemoWorkspace(deps);
    for (const line of describeDemo(result)) console.log(line);
  } finally {
    await db.close();
  }
  console.log(`\nDemo logins (${config.baseUrl}/login):`);
  for (const login of DEMO_LOGINS) {
    const scope = 'team' in login ? ` (coaches ${login.team})` : '';
    console.log(`  ${login.role.padEnd(8)} ${login.email.padEnd(28)} password: ${login.password}${scope}`);
  }
  console.log('');
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  try {
    await loadAndDescribe(config);
  } catch (error) {
    if (error instanceof DemoRefusedError) {
      console.error(`error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const running = await startServer(config);
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

await main();
