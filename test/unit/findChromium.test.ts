import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumDecision, chromiumPathProblem, findChromium, usualChromiumLocations } from '../../scripts/findChromium.mjs';

/**
 * Where the pretest and the browser test look for Chrome/Chromium, and what the pretest
 * does without one, on fake environments (temp folders with fake executables).
 */
let dir: string;
const emptyDir = () => path.join(dir, 'empty');

async function executable(file: string) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '#!/bin/sh\nexit 0\n');
  await chmod(file, 0o755);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'find-chromium-'));
  await mkdir(emptyDir());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first when it is an executable file', async () => {
    const browser = await executable(path.join(dir, 'custom', 'my-chrome'));
    const onPath = await executable(path.join(dir, 'bin1', 'chromium'));
    expect(findChromium({ CHROMIUM_PATH: browser, PATH: path.dirname(onPath) }, { locations: [] })).toBe(browser);
  });

  it('finds google-chrome on the PATH', async () => {
    const chrome = await executable(path.join(dir, 'bin2', 'google-chrome'));
    const env = { PATH: [emptyDir(), path.dirname(chrome)].join(path.delimiter), HOME: emptyDir() };
    expect(findChromium(env, { locations: [] })).toBe(chrome);
  });

  it('passes over a CHROMIUM_PATH that is missing or not executable, and says why', async () => {
    const plain = path.join(dir, 'not-executable');
    await writeFile(plain, 'text');
    await chmod(plain, 0o644);
    const chrome = await executable(path.join(dir, 'bin3', 'chromium-browser'));
    for (const CHROMIUM_PATH of [plain, path.join(dir, 'missing'), dir]) {
      const env = { CHROMIUM_PATH, PATH: path.dirname(chrome) };
      expect(findChromium(env, { locations: [] })).toBe(chrome);
      expect(chromiumPathProblem(env)).toContain(CHROMIUM_PATH);
    }
    expect(chromiumPathProblem({ CHROMIUM_PATH: chrome })).toBeNull();
    expect(chromiumPathProblem({})).toBeNull();
  });

  it("falls back to the usual locations, Playwright's cache under HOME among them", async () => {
    const home = path.join(dir, 'home');
    const older = await executable(path.join(home, '.cache/ms-playwright/chromium-1100/chrome-linux/chrome'));
    const newer = await executable(path.join(home, '.cache/ms-playwright/chromium-1200/chrome-linux/chrome'));
    const env = { PATH: emptyDir(), HOME: home };
    // The machine's own /usr/bin/chromium etc. may exist: leave them out of the list.
    const cached = usualChromiumLocations(env).filter((location) => location.startsWith(home));
    expect(cached.indexOf(newer)).toBeLessThan(cached.indexOf(older));
    expect(findChromium(env, { locations: cached })).toBe(newer);
    expect(usualChromiumLocations(env)).toEqual(expect.arrayContaining(['/usr/bin/chromium', '/snap/bin/chromium', '/opt/google/chrome/chrome']));
  });

  it('answers null when there is nothing anywhere', () => {
    expect(findChromium({ PATH: emptyDir(), HOME: emptyDir() }, { locations: [path.join(dir, 'nowhere', 'chrome')] })).toBeNull();
    expect(findChromium({}, { locations: [] })).toBeNull();
  });
});

describe('chromiumDecision (what `npm test`s pretest does about the browser)', () => {
  const table = [
    // found, isRoot, hasApt, ci → decision
    [true, false, false, false, 'use'],
    [true, true, true, true, 'use'],
    [false, true, true, false, 'install'],
    [false, true, true, true, 'install'],
    [false, false, true, false, 'skip'],
    [false, true, false, false, 'skip'],
    [false, false, false, false, 'skip'],
    [false, false, true, true, 'fail'],
    [false, true, false, true, 'fail'],
    [false, false, false, true, 'fail'],
  ] as const;

  it.each(table)('found=%s root=%s apt=%s ci=%s → %s', (found, isRoot, hasApt, ci, decision) => {
    expect(chromiumDecision({ found, isRoot, hasApt, ci })).toBe(decision);
  });
});
