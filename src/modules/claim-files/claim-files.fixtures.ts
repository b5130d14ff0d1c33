/**
 * Tests only: a station's claims inserted in SQL as claims-core would build them from closed visits
 * (a visit, its bill and lines, the claim and its lines), for the export tests.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';

export interface ClaimSeed {
  status: 'draft' | 'checked' | 'submitted';
  quarter: string;
  endedAt: string;
  /** A value to spoil on purpose (the schema check must name it). */
  mainDiagnosis?: string | null;
}

/** Inserts a resident, a worker, and one claim per seed with a service and a medicine line. */
export async function insertClaims(db: Db, facilityId: string, seeds: ClaimSeed[]): Promise<string[]> {
  const f = (
    await sql<{
      area_id: string;
      area_path: string;
    }>`select area_id, area_path::text from facility where id = ${facilityId}`.execute(db)
  ).rows[0]!;
  const med = (await sql<{ id: string }>`select id from medicine where code = 'VNT0001'`.execute(db))
    .rows[0]!;
  const svc = (await sql<{ id: string }>`select id from service_item where code = 'VNS0001'`.execute(db))
    .rows[0]!;
  const residentId = newId();
  const workerId = newId();
  await sql`insert into health_worker (id, code, full_name, cadre, qualification)
    values (${workerId}, ${`NV-${workerId.slice(-6)}`}, 'Bác sĩ Lê Văn An', 'doctor', 'bachelor')`.execute(
    db,
  );
  await sql`insert into resident (id, code, full_name, sex, birth_date, birth_year, ethnicity, area_id, area_path)
    values (${residentId}, ${`KH-${residentId.slice(-6)}`}, 'Trần Thị Mai <B&C>', 'female', '1975-03-04', 1975, 'Kinh',
      ${f.area_id}, ${f.area_path}::ltree)`.execute(db);
  const ids: string[] = [];
  for (const seed of seeds) {
    const enc = newId();
    const bill = newId();
    const claim = newId();
    const ended = new Date(seed.endedAt);
    const started = new Date(ended.getTime() - 20 * 60_000);
    const day = seed.endedAt.slice(0, 10);
    await sql`insert into encounter (id, resident_id, facility_id, worker_id, kind, status, visit_date, started_at,
        ended_at, reason, fingerprint, area_path, closed_at)
      values (${enc}, ${residentId}, ${facilityId}, ${workerId}, 'station-visit', 'closed', ${day}, ${started}, ${ended},
        'Đau đầu, chóng mặt', 'x', ${f.area_path}::ltree, ${ended})`.execute(db);
    await sql`insert into encounter_bill (id, encounter_id, resident_id, seq, visit_date, tier, currency, method,
        benefit_percent, hospital_amount, insured_amount, insurance_pays, co_payment, patient_pays, priced_at, area_path)
      values (${bill}, ${enc}, ${residentId}, 0, ${day}, 'commune', 'VND', 'benefit-percent', 80, 50000, 50000, 40000,
        10000, 0, ${ended}, ${f.area_path}::ltree)`.execute(db);
    const lines = [
      {
        kind: 'service',
        item: svc.id,
        code: 'VNS0001',
        ins: '01.8169',
        name: 'Khám bệnh',
        unit: 'lần',
        qty: 1,
        price: 36500,
        amt: [36500, 36500, 29200, 7300, 0],
      },
      {
        kind: 'medicine',
        item: med.id,
        code: 'VNT0001',
        ins: '40.217',
        name: 'Amlodipin',
        unit: 'viên',
        qty: 30,
        price: 450,
        amt: [13500, 13500, 10800, 2700, 0],
      },
    ];
    await sql`insert into claim (id, encounter_id, resident_id, facility_id, area_path, bill_id, bill_seq, visit_date,
        started_at, ended_at, quarter, card_number, card_valid_from, card_valid_to, registered_facility_code,
        benefit_percent, on_route, visit_kind, care_kind, main_diagnosis, other_diagnoses, currency, hospital_amount,
        insured_amount, insurance_pays, co_payment, patient_pays, status)
      values (${claim}, ${enc}, ${residentId}, ${facilityId}, ${f.area_path}::ltree, ${bill}, 0, ${day}, ${started},
        ${ended}, ${seed.quarter}, 'GD4565620123456', '2026-01-01', '2026-12-31', '56001', 80, true, '1.1', '01',
        ${seed.mainDiagnosis === undefined ? 'I10' : seed.mainDiagnosis}, ${['E11']}::text[], 'VND', 50000, 50000, 40000,
        10000, 0, ${seed.status})`.execute(db);
    const prescription = newId();
    await sql`insert into encounter_prescription (id, encounter_id, resident_id, medicine_id, dose, frequency,
        duration_days, quantity, quantity_computed, instructions, prescribed_on, fingerprint, area_path)
      values (${prescription}, ${enc}, ${residentId}, ${med.id}, 1, 'once-daily', 30, 30, true, 'Uống sau ăn sáng',
        ${day}, 'x', ${f.area_path}::ltree)`.execute(db);
    for (const [i, l] of lines.entries()) {
      const billLine = newId();
      const record = l.kind === 'medicine' ? prescription : newId();
      const [hosp, insd, pays, co, pat] = l.amt as [number, number, number, number, number];
      await sql`insert into encounter_bill_line (id, bill_id, line_no, kind, record_id, item_id, code, insurance_code, name,
          unit, quantity, unit_price, coverage, hospital_amount, insured_amount, insurance_pays, co_payment, patient_pays,
          area_path)
        values (${billLine}, ${bill}, ${i + 1}, ${l.kind}, ${record}, ${l.item}, ${l.code}, ${l.ins}, ${l.name}, ${l.unit},
          ${l.qty}, ${l.price}, 'insured', ${hosp}, ${insd}, ${pays}, ${co}, ${pat}, ${f.area_path}::ltree)`.execute(
        db,
      );
      await sql`insert into claim_line (id, claim_id, bill_seq, line_no, kind, bill_line_id, item_id, code, insurance_code,
          name, unit, quantity, unit_price, coverage, hospital_amount, insured_amount, insurance_pays, co_payment,
          patient_pays, area_path)
        values (${newId()}, ${claim}, 0, ${i + 1}, ${l.kind}, ${billLine}, ${l.item}, ${l.code}, ${l.ins}, ${l.name},
          ${l.unit}, ${l.qty}, ${l.price}, 'insured', ${hosp}, ${insd}, ${pays}, ${co}, ${pat}, ${f.area_path}::ltree)`.execute(
        db,
      );
    }
    ids.push(claim);
  }
  return ids;
}
