import { CHROMIUM_HINT, chromiumPathProblem, findChromium } from '../../scripts/findChromium.mjs';

export interface BrowserForTests {
  /** The Chrome/Chromium to launch, or null when there is none. */
  executablePath: string | null;
  /** Skip the browser test: no browser and not under CI (where it is required). */
  skip: boolean;
  /** What to tell whoever runs the tests when there is no browser. */
  notice: string;
}

/**
 * The browser the pretest found (scripts/findChromium.mjs looks in the same places). Without
 * one the browser test is skipped with a visible notice, except under CI=true, where it
 * must run and so fails with the same explanation.
 */
export function browserForTests(env: NodeJS.ProcessEnv = process.env): BrowserForTests {
  const executablePath = findChromium(env);
  const ci = env.CI === 'true';
  const problem = chromiumPathProblem(env);
  const notice = executablePath
    ? ''
    : `no Chrome or Chromium found${problem ? ` (${problem})` : ''}${ci ? ' and CI=true requires the browser test' : ': the Temporal Web UI browser test is skipped'}. To run it: ${CHROMIUM_HINT}.`;
  return { executablePath, skip: executablePath === null && !ci, notice };
}
