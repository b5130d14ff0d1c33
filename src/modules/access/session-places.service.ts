import type { Db } from '../../platform/db/database.ts';
import { findAreasByIds } from '../areas/index.ts';
import { findFacilityById } from '../facilities/index.ts';
import { findActiveGrants } from './access.queries.ts';
import { applyScope } from './access-control.ts';

export interface GrantPlace {
  role: string;
  scopePath: string | null;
  area: { id: string; code: string; name: string; level: string } | null;
  facility: { id: string; code: string; name: string; kind: string } | null;
}

/**
 * A user's roles with the places they apply to, named: what the web app's home page and header show
 * ("Commune station staff — Trạm Y tế xã Sơn Bình"). A facility-scoped role names its facility.
 */
export async function describeGrants(db: Db, userId: string): Promise<GrantPlace[]> {
  const grants = await findActiveGrants(db, userId);
  // A signed-in route runs with an empty scope; the names of one's own places are not secret to oneself,
  // so read them inside the places of one's own roles, then go back to the empty scope.
  const paths = grants.map((g) => g.scope_path).filter((p): p is string => p !== null);
  await applyScope(db, { all: grants.some((g) => g.scope_path === null), paths });
  const facilities = await Promise.all(
    grants.map((g) => (g.facility_id ? findFacilityById(db, g.facility_id) : undefined)),
  );
  const areaIdOf = (i: number) => grants[i]?.area_id ?? facilities[i]?.areaId ?? null;
  const areas = await findAreasByIds(
    db,
    grants.map((_, i) => areaIdOf(i)).filter((id): id is string => id !== null),
  );
  const places = grants.map((g, i): GrantPlace => {
    const areaId = areaIdOf(i);
    const area = areaId ? areas.get(areaId) : undefined;
    const facility = facilities[i];
    return {
      role: g.role,
      scopePath: g.scope_path,
      area: area ? { id: area.id, code: area.code, name: area.name, level: area.level } : null,
      facility: facility
        ? { id: facility.id, code: facility.code, name: facility.name, kind: facility.kind }
        : null,
    };
  });
  await applyScope(db, { all: false, paths: [] });
  return places;
}
