/**
 * `npm run demo`: loads the reproducible demo workspace (db/demo.ts; idempotent), prints
 * what it holds and the demo logins, then serves exactly like `npm start`.
 */
import type { Config } from './config';
import { openDeps } from './deps';
import { configOrExit, serveUntilSignalled } from './server';
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
  const config = configOrExit();
  try {
    await loadAndDescribe(config);
  } catch (error) {
    if (error instanceof DemoRefusedError) {
      console.error(`error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  await serveUntilSignalled(config);
}

await main();
