import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_TEMPORAL_CLI, resolveTemporalCli } from '../../src/platform/runtime/temporalCli.js';
import { searchAttributeFlags } from '../../src/platform/runtime/temporalDevServer.js';

async function fakeCli(dir: string) {
  const file = path.join(dir, 'temporal');
  await writeFile(file, '#!/bin/sh\n');
  await chmod(file, 0o755);
  return file;
}

describe('resolveTemporalCli', () => {
  it('prefers TEMPORAL_CLI_PATH', async () => {
    const file = await fakeCli(await mkdtemp(path.join(tmpdir(), 'cli-')));
    expect(resolveTemporalCli(file)).toEqual({ kind: 'path', path: file, from: 'TEMPORAL_CLI_PATH' });
  });

  it('refuses a TEMPORAL_CLI_PATH that is not executable', () => {
    expect(() => resolveTemporalCli('/nonexistent/temporal')).toThrow(/TEMPORAL_CLI_PATH/);
  });

  it('then the project-local wheel install (npm test installs it)', () => {
    expect(resolveTemporalCli(undefined, '')).toEqual({ kind: 'path', path: PROJECT_TEMPORAL_CLI, from: 'project' });
  });
});

describe('searchAttributeFlags', () => {
  it('registers the custom search attributes with their types', () => {
    expect(searchAttributeFlags()).toEqual([
      '--search-attribute', 'SopStage=Keyword',
      '--search-attribute', 'PackageCode=Keyword',
      '--search-attribute', 'ClientTier=Keyword',
      '--search-attribute', 'ProjectLead=Keyword',
      '--search-attribute', 'SlaBreached=Bool',
      '--search-attribute', 'ProjectId=Keyword',
      '--search-attribute', 'ClientId=Keyword',
      '--search-attribute', 'TicketSeverity=Keyword',
      '--search-attribute', 'TicketCategory=Keyword',
    ]);
  });
});
