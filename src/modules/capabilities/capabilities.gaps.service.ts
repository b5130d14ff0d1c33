import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { addDays } from '../../platform/dates.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { CapabilityStandard } from '../../platform/profile.schema.ts';
import { inScope, type Scope } from '../access/index.ts';
import { findAreasByCodes, requireArea } from '../areas/index.ts';
import { listFacilitiesIn } from '../facilities/index.ts';
import { equipmentRowsOf, serviceRowsOf } from './capabilities.queries.ts';
import { equipmentOn, rollUp, type StationGap, servicesOn, stationGap } from './capabilities.rules.ts';
import type { CapabilitiesQuery, CapabilitiesReport } from './capabilities.schema.ts';
import { toEquipmentRecord, toServiceRecord } from './capabilities.service.ts';
import { standardsOf } from './capabilities.standards.ts';
import { unofferedVisitsIn } from './unoffered-visits.service.ts';

const ALL: Scope = { all: true, paths: [] };

/**
 * GET /api/capabilities: every active facility of a kind some standard names, inside the area, with
 * its gap on the date, and the area's roll-up. Figures of an area are only whole inside one's scope.
 */
export async function capabilitiesOf(
  ctx: AppContext,
  q: CapabilitiesQuery,
  scope: Scope = ALL,
): Promise<CapabilitiesReport> {
  const area = await requireArea(ctx.db, q.area, 'query.area');
  if (!inScope(area.path, scope)) {
    throw new AppError(
      'forbidden',
      `The area ${area.code} (${area.name}) is outside your scope: ask for an area you work in`,
    );
  }
  const on = q.date ?? todayOf(ctx);
  const standards = standardsOf(ctx.profile);
  const stations =
    standards.kinds.length === 0
      ? []
      : await listFacilitiesIn(ctx.db, area.path, { kinds: standards.kinds, activeOnly: true });
  const ids = stations.map((s) => s.id);
  const [serviceRows, equipmentRows] = await Promise.all([
    serviceRowsOf(ctx.db, ids),
    equipmentRowsOf(ctx.db, ids),
  ]);
  const servicesBy = groupBy(serviceRows.map(toServiceRecord), (r) => r.facilityId);
  const equipmentBy = groupBy(equipmentRows.map(toEquipmentRecord), (r) => r.facilityId);

  const gaps = stations.flatMap((facility) => {
    const standard = standards.forKind(facility.kind);
    if (!standard) return [];
    const services = servicesOn(servicesBy.get(facility.id) ?? [], on);
    const equipment = equipmentOn(equipmentBy.get(facility.id) ?? [], on);
    const declarations = servicesBy.get(facility.id) ?? [];
    return [{ facility, standard, declarations, gap: stationGap(standard, services, equipment) }];
  });
  const unofferedVisits = await unofferedVisitsIn(
    ctx.db,
    gaps.map((g) => ({ facilityId: g.facility.id, standard: g.standard, declarations: g.declarations })),
    { from: addDays(on, -364), to: on },
  );
  const parts = await partsOf(ctx, area, gaps);
  return {
    area: { id: area.id, code: area.code, name: area.name, level: area.level },
    date: on,
    standards: standards.all.map(describe),
    stations: gaps.map(({ facility, gap }) => ({
      facility: {
        id: facility.id,
        code: facility.code,
        name: facility.name,
        kind: facility.kind,
        areaId: facility.areaId,
      },
      gap: {
        standardId: gap.standardId,
        services: gap.services,
        equipment: gap.equipment,
      },
    })),
    rollUp: rollUp(gaps),
    parts,
    unofferedVisits,
  };
}

function describe(s: CapabilityStandard) {
  const item = (i: CapabilityStandard['services'][number]) => ({
    code: i.code,
    name: i.name,
    nameEn: i.nameEn,
    group: i.group,
    core: i.core,
  });
  return {
    id: s.id,
    title: s.title,
    titleEn: s.titleEn,
    facilityKinds: s.facilityKinds,
    services: s.services.map(item),
    equipment: s.equipment.map(item),
  };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * The roll-up of each part of an area above the commune level (a province's districts, a district's
 * communes), in the order of their codes: the part is the area one level down whose path holds the
 * station. A commune has no parts (its villages hold no station of their own to compare).
 */
async function partsOf(
  ctx: AppContext,
  area: { path: string; level: string },
  gaps: readonly { facility: { areaPath: string }; gap: StationGap; standard: CapabilityStandard }[],
): Promise<CapabilitiesReport['parts']> {
  const levels = ctx.profile.areaLevels.map((l) => l.id);
  if (levels.indexOf(area.level) >= levels.indexOf(ctx.profile.communeLevel)) return [];
  const depth = area.path.split('.').length;
  const byPart = groupBy(
    gaps.filter((g) => g.facility.areaPath.split('.').length > depth),
    (g) => g.facility.areaPath.split('.')[depth] ?? '',
  );
  const areas = await findAreasByCodes(ctx.db, [...byPart.keys()]);
  return [...byPart.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([code, list]) => {
      const part = areas.get(code);
      if (!part) return [];
      const { services, equipment, stations } = rollUp(list);
      return [
        {
          area: { id: part.id, code: part.code, name: part.name, level: part.level },
          stations,
          services,
          equipment,
        },
      ];
    });
}
