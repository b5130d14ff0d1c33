import fs from 'node:fs';
import path from 'node:path';
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';
import { PROJECT_ROOT } from '../../platform/project-root.ts';

/** Roles and permissions are data (protocols/roles.json), validated when they load. */
const RoleCatalogueSchema = Type.Object({
  permissions: Type.Record(Type.String({ pattern: '^[a-z_]+\\.[a-z_]+$' }), Type.String()),
  personalData: Type.Array(Type.String()),
  roles: Type.Record(
    Type.String({ pattern: '^[a-z_]+$' }),
    Type.Object({
      label: Type.String(),
      scope: Type.Union([Type.Literal('all'), Type.Literal('area'), Type.Literal('facility')]),
      permissions: Type.Array(Type.String(), { minItems: 1 }),
    }),
  ),
});

export type RoleCatalogue = Static<typeof RoleCatalogueSchema>;
export type ScopeKind = 'all' | 'area' | 'facility';

const FILE = path.join(PROJECT_ROOT, 'protocols/roles.json');
let cached: RoleCatalogue | undefined;

export function loadRoleCatalogue(): RoleCatalogue {
  if (cached) return cached;
  const data: unknown = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  if (!Value.Check(RoleCatalogueSchema, data)) {
    const first = Value.Errors(RoleCatalogueSchema, data)[0];
    throw new Error(`${FILE} is invalid at ${first?.instancePath || '/'}: ${first?.message}`);
  }
  const catalogue = data as RoleCatalogue;
  for (const [id, role] of Object.entries(catalogue.roles)) {
    for (const p of role.permissions) {
      if (p !== '*' && !(p in catalogue.permissions))
        throw new Error(`${FILE}: role ${id} names unknown permission ${p}`);
    }
  }
  cached = catalogue;
  return catalogue;
}

export function roleIds(): string[] {
  return Object.keys(loadRoleCatalogue().roles);
}

/** Whether a role grants a permission. */
export function roleGrants(role: string, permission: string): boolean {
  const r = loadRoleCatalogue().roles[role];
  return Boolean(r && (r.permissions.includes('*') || r.permissions.includes(permission)));
}

export function isKnownPermission(permission: string): boolean {
  return permission in loadRoleCatalogue().permissions;
}

/** Reads of these permissions return personal data: each one is written to the audit log. */
export function isPersonalData(permission: string): boolean {
  return loadRoleCatalogue().personalData.includes(permission);
}
