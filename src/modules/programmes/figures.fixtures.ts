import { sql } from 'kysely';
import type { TestEngine } from '../../../test/support/engines.ts';
import { postExpect } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';
import { insertImmunizationsBulk } from '../immunizations/index.ts';
import { insertPregnanciesBulk } from '../pregnancies/index.ts';

/**
 * Test-only: a hand-built population for the figures suites. Residents are registered (and their
 * deaths recorded) through the API; their care records are written straight into the records
 * modules' tables as the owner (no row-level security), so a suite states each visit, reading and
 * problem with its dates in one line and the figures' reads are tested against exactly those rows.
 */
export function figuresPopulation(t: () => TestEngine) {
  const db = () => t().ctx.db;
  const facilityPath = new Map<string, string>();
  const pathOf = async (facilityId: string) => {
    let path = facilityPath.get(facilityId);
    if (!path) {
      const { rows } = await sql<{ area_path: string }>`
        select area_path::text from facility where id = ${facilityId}`.execute(db());
      path = rows[0]?.area_path;
      if (!path) throw new Error(`fixture: no facility ${facilityId}`);
      facilityPath.set(facilityId, path);
    }
    return path;
  };

  /** A resident of the area (an area code), as the administrator registers one. */
  async function resident(
    areaCode: string,
    fullName: string,
    over: { sex?: 'male' | 'female'; birthDate?: string } = {},
  ): Promise<string> {
    const r = await postExpect(t(), '/api/residents', {
      fullName,
      areaCode,
      sex: over.sex ?? 'female',
      birthDate: over.birthDate ?? '1960-05-05',
    });
    return r.id as string;
  }

  /** The register records a death (or a move away) on a day. */
  async function status(residentId: string, to: 'deceased' | 'moved_away', effectiveOn: string) {
    const res = await t().inject({
      method: 'POST',
      url: `/api/residents/${residentId}/status`,
      payload: { status: to, effectiveOn },
    });
    if (res.statusCode >= 300) throw new Error(`fixture: status ${res.statusCode} ${res.body}`);
  }

  /** A problem on the list, recorded at a facility (its place), active or resolved on a day. */
  async function problem(
    residentId: string,
    facilityId: string,
    code: string,
    onset: string,
    resolvedOn: string | null = null,
  ) {
    await db()
      .insertInto('problem')
      .values({
        id: newId(),
        resident_id: residentId,
        code,
        status: resolvedOn ? 'resolved' : 'active',
        onset,
        resolved_on: resolvedOn,
        first_encounter_id: null,
        last_seen_on: resolvedOn ?? onset,
        note: null,
        area_path: await pathOf(facilityId),
      })
      .execute();
  }

  /**
   * A closed visit at a facility on a day with its readings (LOINC code → value in the stored unit)
   * and diagnoses; `retracted` readings are taken back by an amendment (kept, not in force).
   */
  async function visit(
    residentId: string,
    facilityId: string,
    date: string,
    records: {
      readings?: Record<string, number>;
      retracted?: Record<string, number>;
      diagnoses?: string[];
    } = {},
  ): Promise<string> {
    const areaPath = await pathOf(facilityId);
    const id = newId();
    const at = new Date(`${date}T09:00:00+07:00`);
    await db()
      .insertInto('encounter')
      .values({
        id,
        resident_id: residentId,
        facility_id: facilityId,
        worker_id: null,
        kind: 'station-visit',
        status: 'closed',
        visit_date: date,
        started_at: at,
        ended_at: at,
        reason: 'follow-up',
        insurance_card: null,
        eligibility: null,
        fingerprint: `fixture-${id}`,
        area_path: areaPath,
        created_by: null,
        closed_at: at,
      })
      .execute();
    let amendmentId: string | null = null;
    if (records.retracted) {
      amendmentId = newId();
      await db()
        .insertInto('encounter_amendment')
        .values({
          id: amendmentId,
          encounter_id: id,
          reason: 'entered on the wrong patient',
          added: '{}',
          retracted: '{}',
          fingerprint: `fixture-${amendmentId}`,
          user_id: null,
          amended_at: at,
          area_path: areaPath,
        })
        .execute();
    }
    const observation = (code: string, value: number, retractedBy: string | null) => ({
      id: newId(),
      encounter_id: id,
      resident_id: residentId,
      code,
      value,
      unit: UNITS[code] ?? 'unit',
      entered_value: value,
      entered_unit: UNITS[code] ?? 'unit',
      observed_at: at,
      visit_date: date,
      flag: null,
      derived: false,
      fingerprint: `fixture-${code}`,
      amendment_id: null,
      retracted_by: retractedBy,
      area_path: areaPath,
    });
    const rows = [
      ...Object.entries(records.readings ?? {}).map(([c, v]) => observation(c, v, null)),
      ...Object.entries(records.retracted ?? {}).map(([c, v]) => observation(c, v, amendmentId)),
    ];
    if (rows.length > 0) await db().insertInto('encounter_observation').values(rows).execute();
    const diagnoses = (records.diagnoses ?? []).map((code, i) => ({
      id: newId(),
      encounter_id: id,
      resident_id: residentId,
      code,
      role: i === 0 ? ('main' as const) : ('secondary' as const),
      note: null,
      problem_id: null,
      visit_date: date,
      fingerprint: `fixture-${code}`,
      amendment_id: null,
      retracted_by: null,
      area_path: areaPath,
    }));
    if (diagnoses.length > 0) await db().insertInto('encounter_diagnosis').values(diagnoses).execute();
    return id;
  }

  /** Doses given at a facility (vaccine code, date), through the immunizations module's bulk path. */
  async function doses(residentId: string, facilityId: string, given: [string, string][]): Promise<string[]> {
    const rows = given.map(([vaccine, date]) => ({
      id: newId(),
      residentId,
      vaccine,
      date,
      givenElsewhere: false,
      facilityId,
    }));
    await insertImmunizationsBulk(db(), rows);
    return rows.map((r) => r.id);
  }

  /** A dose taken back by an amendment (kept, not in force), as the administrator corrects one. */
  async function retractDose(doseId: string) {
    await postExpect(
      t(),
      `/api/immunizations/${doseId}/amendments`,
      { id: newId(), reason: 'recorded on the wrong child', retract: true },
      200,
    );
  }

  /** A pregnancy dated by its LMP that ended on a day, through the pregnancies module's bulk path. */
  async function pregnancy(
    residentId: string,
    lmp: string,
    outcome: 'live-birth' | 'stillbirth' | null = null,
    outcomeDate: string | null = null,
  ): Promise<string> {
    const id = newId();
    await insertPregnanciesBulk(db(), [{ id, residentId, lmp, outcome, outcomeDate }]);
    return id;
  }

  /**
   * A call about an overdue item of a programme (an outreach attempt at an instant), in the
   * resident's place as the worklists record one.
   */
  async function call(residentId: string, programmeId: string, at: string, outcome = 'will-come') {
    const id = newId();
    await sql`
      insert into outreach_attempt
        (id, resident_id, programme_id, item_id, episode_id, due_from, outcome, note, come_on,
         fingerprint, recorded_by, at, area_path)
      select ${id}, r.id, ${programmeId}, 'follow-up', null, ${at.slice(0, 10)}::date - 30, ${outcome},
        null, null, ${`fixture-${id}`}, null, ${at}::timestamptz, r.area_path
      from resident r where r.id = ${residentId}`.execute(db());
  }

  return { resident, status, problem, visit, doses, retractDose, pregnancy, call };
}

/** Blood pressure as readings: systolic and diastolic. */
export const bp = (systolic: number, diastolic: number) => ({ '8480-6': systolic, '8462-4': diastolic });

const UNITS: Record<string, string> = {
  '8480-6': 'mm[Hg]',
  '8462-4': 'mm[Hg]',
  '1558-6': 'mmol/L',
  '2339-0': 'mmol/L',
  '4548-4': '%',
  '29463-7': 'kg',
};
