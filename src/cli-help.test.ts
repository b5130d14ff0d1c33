import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { usage } from './cli-help.ts';
import { REGISTRY_KINDS } from './modules/registry-kinds.ts';
import { SETTINGS } from './platform/config.ts';
import { PROJECT_ROOT } from './platform/project-root.ts';

/** The README's Configuration table: variable name and default, row by row. */
function readmeSettings(): { name: string; default: string }[] {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n## Configuration\n')[1]!.split('\n## ')[0]!;
  return [...section.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map((m) => ({
    name: m[1]!,
    default: m[2]!.trim(),
  }));
}

test('--help lists every environment setting with its default, and the registries', () => {
  const text = usage();
  for (const s of SETTINGS)
    expect(text).toMatch(new RegExp(`^  ${s.name} .*\\(default: ${s.default ?? 'unset'}\\)$`, 'm'));
  for (const kind of REGISTRY_KINDS) expect(text).toContain(kind);
});

test('the README lists the same settings as the configuration, with the same defaults', () => {
  expect(readmeSettings()).toEqual(
    SETTINGS.map((s) => ({
      name: s.name,
      default: s.default === undefined ? '(unset)' : `\`${s.default}\``,
    })),
  );
});
