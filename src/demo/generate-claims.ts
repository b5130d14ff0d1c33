import type { ClaimFailureCode } from '../modules/claims/claims.enums.ts';
import { type DemoVisit, demoId } from './generate-visits.ts';
import type { Rng } from './random.ts';

/**
 * The slips a station makes that its insurance claims are sent back for (issue 23), planted in the
 * demo's year of visits, pure and seeded (a fork of its own: nothing else in the plan moves). Each is
 * one a clerk meets: a visit entered twice the same day (once at the desk, once by the doctor), an
 * acute visit whose diagnosis was saved as secondary so the visit has no main one, and a
 * blood-pressure medicine doubled (amlodipine 10 mg as two 5 mg tablets) for three months at once
 * before a long stay away: 180 tablets, above the most a visit may claim (the profile's
 * `insurance.claimChecks`: 90). The claims checks find them; the demo load leaves the last quarter's
 * findings for the agency to see and the station to correct through an amendment. Slips the
 * station's own screens refuse or price out of the claim (a diagnosis code outside the catalogue, a
 * service above the station's level of care: the bill charges it to the resident, an expired card:
 * the visit is uninsured) never reach a claim from this system, so none is planted.
 */

export const DEMO_CLAIM_FAULTS = [
  'duplicate',
  'no-main-diagnosis',
  'quantity-maximum',
] as const satisfies readonly ClaimFailureCode[];
export type DemoClaimFault = (typeof DEMO_CLAIM_FAULTS)[number];

export interface ClaimFaultInput {
  /** The stations where the slips happen (the demo station: its visits are the dense ones). */
  denseFacilities: ReadonlySet<string>;
  medicineCode: (index: string) => string;
  serviceCode: (index: string) => string;
}

/** How often each slip is made, per visit it can happen at. */
const RATE: Record<DemoClaimFault, number> = {
  duplicate: 0.01,
  'no-main-diagnosis': 0.06,
  'quantity-maximum': 0.015,
};

/** Catalogue indexes (the VN and CN shipped catalogues list them in the same order). */
const AMLODIPINE = '0001';
const ACUTE = new Set(['J06.9', 'A09']);

export interface PlantedFaults {
  visits: DemoVisit[];
  /** The visit each slip was planted in (a duplicate: the second entry), by slip. */
  planted: Record<DemoClaimFault, string[]>;
}

/** The plan with the slips in it, in the plan's order; the visits not touched are the same objects. */
export function plantClaimFaults(
  rng: Rng,
  visits: readonly DemoVisit[],
  input: ClaimFaultInput,
): PlantedFaults {
  const planted: Record<DemoClaimFault, string[]> = {
    duplicate: [],
    'no-main-diagnosis': [],
    'quantity-maximum': [],
  };
  const out: DemoVisit[] = [];
  for (const visit of visits) {
    if (!input.denseFacilities.has(visit.facilityCode)) {
      out.push(visit);
      continue;
    }
    const r = rng.fork(visit.id);
    let v = visit;
    const main = v.diagnoses.find((d) => d.role === 'main');
    if (main && ACUTE.has(main.code) && r.chance(RATE['no-main-diagnosis'])) {
      v = { ...v, diagnoses: v.diagnoses.map((d) => ({ ...d, role: 'secondary' as const })) };
      planted['no-main-diagnosis'].push(v.id);
    }
    const amlodipine = input.medicineCode(AMLODIPINE);
    const monthly = v.prescriptions.findIndex((p) => p.medicineCode === amlodipine && p.durationDays <= 30);
    if (monthly >= 0 && r.chance(RATE['quantity-maximum'])) {
      // Before a long stay away: a doubled dose for the longest a prescription may run (90 days).
      v = {
        ...v,
        prescriptions: v.prescriptions.map((p, i) =>
          i === monthly
            ? { ...p, dose: p.dose * 2, durationDays: 90, quantity: Math.ceil(p.dose * 2 * 90) }
            : p,
        ),
      };
      planted['quantity-maximum'].push(v.id);
    }
    out.push(v);
    if (v.kind === 'station-visit' && r.chance(RATE.duplicate)) {
      // The same visit typed in again a few minutes later: another id, the same day, records and items.
      const minute = v.minute + r.int(5, 40);
      const twin: DemoVisit = {
        ...v,
        id: demoId(r, v.date, minute - 7 * 60),
        minute,
        observations: v.observations.map((o) => ({ ...o })),
        prescriptions: v.prescriptions.map((p) => ({ ...p, id: demoId(r, v.date, minute - 7 * 60 + 1) })),
      };
      out.push(twin);
      planted.duplicate.push(twin.id);
    }
  }
  return { visits: out, planted };
}
