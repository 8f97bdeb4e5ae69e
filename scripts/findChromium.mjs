// Where a Chrome or Chromium for the browser test is, and what `npm test`'s pretest does
// when there is none. Shared by scripts/ensure-tools.mjs (plain Node 20, no dependencies)
// and test/e2e/temporalUi.test.ts, so both look in the same places.
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Names a Chrome or Chromium goes by on the PATH, in order of preference. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** An executable regular file (symbolic links followed)? */
export function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Playwright's own Chromium downloads under `cacheDir`, newest revision first. */
function playwrightChromiums(cacheDir) {
  let entries;
  try {
    entries = readdirSync(cacheDir);
  } catch {
    return [];
  }
  return entries
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => Number(b.slice('chromium-'.length)) - Number(a.slice('chromium-'.length)))
    .flatMap((name) => [
      path.join(cacheDir, name, 'chrome-linux', 'chrome'),
      path.join(cacheDir, name, 'chrome-linux64', 'chrome'),
      path.join(cacheDir, name, 'chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'),
    ]);
}

/** The places a browser usually lives when it is not on the PATH. */
export function usualChromiumLocations(env = process.env) {
  const locations = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ];
  if (env.PLAYWRIGHT_BROWSERS_PATH) locations.push(...playwrightChromiums(env.PLAYWRIGHT_BROWSERS_PATH));
  if (env.HOME) {
    locations.push(...playwrightChromiums(path.join(env.HOME, '.cache', 'ms-playwright')));
    locations.push(...playwrightChromiums(path.join(env.HOME, 'Library', 'Caches', 'ms-playwright')));
  }
  return locations;
}

/**
 * The first executable Chrome/Chromium among: `CHROMIUM_PATH`, the names of
 * CHROMIUM_NAMES on the PATH, then `locations` (the usual ones unless given); or null.
 * A CHROMIUM_PATH that is not an executable file is passed over (see chromiumPathProblem).
 */
export function findChromium(env = process.env, { locations = usualChromiumLocations(env) } = {}) {
  if (env.CHROMIUM_PATH && isExecutableFile(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return locations.find((candidate) => isExecutableFile(candidate)) ?? null;
}

/** Why CHROMIUM_PATH was passed over, or null when it is unset or usable. */
export function chromiumPathProblem(env = process.env) {
  if (!env.CHROMIUM_PATH || isExecutableFile(env.CHROMIUM_PATH)) return null;
  return `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file`;
}

/**
 * What the pretest does about the browser: 'use' the one found; 'install' Debian's
 * chromium (root with apt-get); 'fail' under CI, where the browser test is required;
 * otherwise 'skip' the browser test with a notice.
 */
export function chromiumDecision({ found, isRoot, hasApt, ci }) {
  if (found) return 'use';
  if (isRoot && hasApt) return 'install';
  return ci ? 'fail' : 'skip';
}

/** How to get the browser test to run, for the notices of the pretest and of the test. */
export const CHROMIUM_HINT =
  "install Chrome or Chromium (Debian: apt-get install chromium; or npx playwright-core install chromium) or point CHROMIUM_PATH at one";
