import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { capabilitiesOf } from './capabilities.gaps.service.ts';
import {
  CapabilitiesQuery,
  CapabilitiesReport,
  EquipmentRecord,
  FacilityCapabilityParams,
  FacilityEquipment,
  FacilityServices,
  OnDateQuery,
  RecordEquipmentBody,
  RecordServiceBody,
  ServiceRecord,
} from './capabilities.schema.ts';
import {
  facilityEquipment,
  facilityServices,
  recordEquipment,
  recordService,
} from './capabilities.service.ts';
import { standardsOf } from './capabilities.standards.ts';

const doc = routeDoc(['capabilities']);
const read = { permission: 'services.read' } as const;
const write = { permission: 'services.write' } as const;

/**
 * What a facility offers and has against its standard: /api/facilities/:id/services and /equipment
 * (read, record), /api/capabilities (the gaps of an area's stations and their roll-up).
 */
export function capabilityRoutes(app: App, ctx: AppContext): void {
  // A broken standard file stops the start, as a broken profile does.
  standardsOf(ctx.profile);

  app.get(
    '/facilities/:id/services',
    doc(read, "A facility's standard services with the declaration in force on the date, and their history", {
      params: FacilityCapabilityParams,
      querystring: OnDateQuery,
      response: { 200: FacilityServices },
    }),
    (req) => facilityServices(req.ctx, req.params.id, req.query.date, req.scope ?? undefined),
  );

  app.post(
    '/facilities/:id/services',
    doc(
      write,
      'Declare that a facility offers a service since a date, or not (with the reason); idempotent by id',
      {
        params: FacilityCapabilityParams,
        body: RecordServiceBody,
        response: { 200: ServiceRecord, 201: ServiceRecord },
      },
    ),
    async (req, reply) => {
      const r = await recordService(req.ctx, req.params.id, req.body, req.scope ?? undefined);
      return r.created ? created(reply, r.record) : r.record;
    },
  );

  app.get(
    '/facilities/:id/equipment',
    doc(
      read,
      "A facility's standard equipment with the count in force on the date (working, needs repair, broken)",
      {
        params: FacilityCapabilityParams,
        querystring: OnDateQuery,
        response: { 200: FacilityEquipment },
      },
    ),
    (req) => facilityEquipment(req.ctx, req.params.id, req.query.date, req.scope ?? undefined),
  );

  app.post(
    '/facilities/:id/equipment',
    doc(
      write,
      'Record how many units of an equipment item a facility has, by condition, on a date; idempotent by id',
      {
        params: FacilityCapabilityParams,
        body: RecordEquipmentBody,
        response: { 200: EquipmentRecord, 201: EquipmentRecord },
      },
    ),
    async (req, reply) => {
      const r = await recordEquipment(req.ctx, req.params.id, req.body, req.scope ?? undefined);
      return r.created ? created(reply, r.record) : r.record;
    },
  );

  app.get(
    '/capabilities',
    doc(read, "The gaps of an area's stations against their standard on a date, and the area's roll-up", {
      querystring: CapabilitiesQuery,
      response: { 200: CapabilitiesReport },
    }),
    (req) => capabilitiesOf(req.ctx, req.query, req.scope ?? undefined),
  );
}
