import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of eslint.config.js, checked on virtual files. Type information is
 * not needed for import rules, so the type-aware parts are switched off to keep this fast.
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

const RULE = '@typescript-eslint/no-restricted-imports';

/** The restricted-import messages for a file importing `specifier` at `filePath`. */
async function restrictedImports(filePath: string, specifier: string, typeOnly = false) {
  const code = typeOnly
    ? `import type { Thing } from '${specifier}';\nexport type Used = Thing;\n`
    : `import { thing } from '${specifier}';\nexport const used = thing;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const SERVICE = 'src/delivery/services/virtualService.ts';
const ACTIVITY = 'src/delivery/activities/virtualActivity.ts';
const DOMAIN = 'src/delivery/domain/virtualRule.ts';
const WORKFLOW = 'workflows/delivery/virtualWorkflow.ts';

describe('layering lint rules', () => {
  it.each([
    [SERVICE, '../../platform/http/graphqlContext.js'],
    [SERVICE, '../api/types/ProjectType.js'],
    [SERVICE, 'type-graphql'],
    [SERVICE, 'graphql'],
    [SERVICE, 'dataloader'],
    [ACTIVITY, '../api/loaders.js'],
    [DOMAIN, 'node:fs'],
    [DOMAIN, '@mikro-orm/core'],
    [DOMAIN, '@temporalio/client'],
    [DOMAIN, '@temporalio/workflow'],
    [DOMAIN, '../entities/index.js'],
    [DOMAIN, '../services/projectService.js'],
    [DOMAIN, '../../platform/domainError.js'],
    [DOMAIN, 'pg'],
    [WORKFLOW, '../../src/delivery/entities/index.js'],
    [WORKFLOW, '../../src/delivery/activities/index.js'],
    [WORKFLOW, '@temporalio/client'],
    [WORKFLOW, '@temporalio/worker'],
    [WORKFLOW, 'node:crypto'],
    [WORKFLOW, 'zod'],
  ])('%s may not import %s', async (filePath, specifier) => {
    expect(await restrictedImports(filePath, specifier)).toHaveLength(1);
  });

  it.each([
    [WORKFLOW, '../../src/delivery/domain/sopStage.js'],
    [WORKFLOW, '../../src/catalog/domain/packagePolicy.js'],
    [WORKFLOW, '@temporalio/workflow'],
    [WORKFLOW, '@temporalio/common'],
    [WORKFLOW, './stressTest.js'],
    [WORKFLOW, '../searchAttributes.js'],
    [DOMAIN, './sopState.js'],
    [DOMAIN, '../../catalog/domain/packagePolicy.js'],
    [SERVICE, '../domain/sopMachine.js'],
    [SERVICE, '../entities/index.js'],
    [SERVICE, '@temporalio/client'],
  ])('%s may import %s', async (filePath, specifier) => {
    expect(await restrictedImports(filePath, specifier)).toEqual([]);
  });

  it('lets a workflow import types from anywhere (type imports are erased)', async () => {
    expect(await restrictedImports(WORKFLOW, '@temporalio/client', true)).toEqual([]);
    expect(await restrictedImports(WORKFLOW, '../../src/delivery/activities/index.js', true)).toEqual([]);
  });

  it('does not restrict the API layer', async () => {
    expect(await restrictedImports('src/delivery/api/resolvers/virtualResolver.ts', 'type-graphql')).toEqual([]);
  });

  it(
    'holds for the real source tree',
    async () => {
      const results = await new ESLint({ cwd: process.cwd() }).lintFiles(['src', 'workflows']);
      const files = results.map((r) => r.filePath);
      expect(files.some((f) => f.includes('/src/delivery/domain/'))).toBe(true);
      expect(files.some((f) => f.includes('/workflows/'))).toBe(true);
      const violations = results.flatMap((r) => r.messages.filter((m) => m.ruleId === RULE || m.fatal).map((m) => `${r.filePath}:${m.line} ${m.message}`));
      expect(violations).toEqual([]);
    },
    60_000,
  );
});

describe('the one way out of the platform', () => {
  /** Messages of the outbound rules for a snippet at `filePath`. */
  async function outboundViolations(filePath: string, code: string) {
    const [result] = await eslint.lintText(code, { filePath });
    expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  it.each([
    ['global fetch', `export const probe = () => fetch('http://example.com/');\n`],
    ['node:http request', `import { request } from 'node:http';\nexport const probe = request;\n`],
    ['node:http default', `import http from 'node:http';\nexport const probe = http.get;\n`],
    ['node:http namespace', `import * as http from 'node:http';\nexport const probe = http.request;\n`],
    ['node:https', `import https from 'node:https';\nexport const probe = https.get;\n`],
    ['undici', `import { request } from 'undici';\nexport const probe = request;\n`],
  ])('refuses %s outside src/platform/outbound', async (_what, code) => {
    expect(await outboundViolations(ACTIVITY, code)).toEqual([expect.stringContaining('sendOutbound')]);
    expect(await outboundViolations('src/platform/runtime/virtualRuntime.ts', code)).toEqual([expect.stringContaining('sendOutbound')]);
  });

  it.each([
    ['node:child_process', `import { exec } from 'node:child_process';\nexport const run = exec;\n`],
    ['child_process', `import { spawn } from 'child_process';\nexport const run = spawn;\n`],
  ])('refuses %s (command injection) everywhere but the runtime harness', async (_what, code) => {
    expect(await outboundViolations(ACTIVITY, code)).toEqual([expect.stringContaining('runtime harness')]);
    expect(await outboundViolations('src/platform/http/virtualResolver.ts', code)).toEqual([expect.stringContaining('runtime harness')]);
    expect(await outboundViolations('src/platform/runtime/virtualDevServer.ts', code)).toEqual([]);
  });

  it('lets the outbound module and servers use node:http', async () => {
    expect(await outboundViolations('src/platform/outbound/virtualRequest.ts', `import http from 'node:http';\nexport const send = http.request;\n`)).toEqual([]);
    expect(await outboundViolations('src/platform/http/virtualServer.ts', `import { createServer } from 'node:http';\nexport const serve = createServer;\n`)).toEqual([]);
  });
});
