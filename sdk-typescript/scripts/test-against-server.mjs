// Starts the packaged server (../server/target/quarkus-app) on a free port — with the MariaDB on 127.0.0.1:3306
// when one answers, else its embedded database — runs the SDK tests against it with Node's test runner, and stops it.
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { createWriteStream, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const ADMIN_KEY = 'bwb_sdktsadm_TypeScriptSdkTestAdministratorKey01';

const freePort = () => new Promise((done, fail) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => done(port));
  }).on('error', fail);
});

const answers = (port) => new Promise((done) => {
  const socket = connect({ port, host: '127.0.0.1', timeout: 1000 });
  socket.on('connect', () => { socket.destroy(); done(true); });
  socket.on('error', () => done(false));
  socket.on('timeout', () => { socket.destroy(); done(false); });
});

const port = await freePort();
const env = {
  ...process.env,
  QUARKUS_HTTP_PORT: String(port),
  BAWABA_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
  BAWABA_CASE_TOKEN_SECRET: 'ts-sdk-test-case-token-secret-0123456789',
  BAWABA_DEMO_ENABLED: 'false',
  // Document orders are paid through the sandbox provider, as in the server's own tests and the demo.
  BAWABA_PAYMENTS_SANDBOX: 'true',
  BAWABA_PAYMENTS_CALLBACK_SECRET: 'ts-sdk-test-payment-callback-secret-0123456789',
  // Every test submits from 127.0.0.1, and the counters live in the database, which outlives one run.
  BAWABA_SUBMISSIONS_PER_ADDRESS: '100000',
  BAWABA_SUBMISSIONS_PER_IDENTITY: '100000',
  // The statistics follow the cases within a second, so that a test reads its own cases' figures soon.
  BAWABA_STATISTICS_COUNT_EVERY: '1s',
  // A fresh schema every run: the database outlives the run, and a migration may have changed since.
  QUARKUS_FLYWAY_CLEAN_AT_START: 'true',
};
// BAWABA_TEST_DATABASE names another database, so that two checkouts can run their tests at once.
const database = process.env.BAWABA_TEST_DATABASE ? `${process.env.BAWABA_TEST_DATABASE}_ts` : 'bawaba_sdk_ts';
if (await answers(3306)) {
  env.BAWABA_DB_URL = `jdbc:mariadb://127.0.0.1:3306/${database}?createDatabaseIfNotExist=true`;
} else {
  env.BAWABA_DATA_DIR = resolve('target/embedded-db');
  env.BAWABA_EMBEDDED_DB_PORT = String(await freePort());
}
mkdirSync('target', { recursive: true });
const log = createWriteStream('target/server.log');
const java = process.env.JAVA_HOME ? resolve(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const server = spawn(java, ['-jar', resolve('../server/target/quarkus-app/quarkus-run.jar')], { env });
server.stdout.pipe(log);
server.stderr.pipe(log);

const stop = () => new Promise((done) => {
  if (server.exitCode !== null) return done();
  server.once('exit', done);
  server.kill('SIGTERM');
});

let exitCode = 1;
try {
  const deadline = Date.now() + 180_000;
  let ready = false;
  while (!ready && Date.now() < deadline && server.exitCode === null) {
    try {
      ready = (await fetch(`http://127.0.0.1:${port}/q/health/ready`)).ok;
    } catch { /* still starting */ }
    if (!ready) await new Promise((r) => setTimeout(r, 250));
  }
  if (!ready) throw new Error('The server did not become ready; see sdk-typescript/target/server.log');
  const tests = spawn(process.execPath, ['--test', 'test/'], {
    stdio: 'inherit',
    env: { ...process.env, BAWABA_URL: `http://127.0.0.1:${port}/api/v1`, BAWABA_ADMIN_KEY: ADMIN_KEY },
  });
  exitCode = await new Promise((done) => tests.on('exit', (code) => done(code ?? 1)));
} catch (error) {
  console.error(error.message);
} finally {
  await stop();
}
process.exit(exitCode);
