import { newId } from '../../../../src/platform/ids.ts';
import type {
  AddRecordsBody,
  DiagnosisInput,
  DoseFrequency,
  ObservationInput,
  ObservationKind,
  PrescriptionInput,
  PrescriptionTemplate,
  ServiceInput,
} from './api.ts';
import { flagOf, MAX_SHORT_TERM_DAYS, quantityOf } from './api.ts';

/**
 * The visit screen's drafts and what they become: the records typed on the phone are kept here until
 * the visit is saved or closed, then sent as one request (each record with its own UUID v7, made once,
 * so a request resent after a lost answer is the same request). Pure: no React, no fetch.
 */

/** The observations shown at once, in this order (the others behind "more"): a follow-up's few. */
export const FIRST_OBSERVATIONS = ['systolic', 'diastolic', 'pulse', 'weight'] as const;

/** The kinds offered on the form, the first ones first; derived kinds (BMI) are never typed. */
export function formKinds(kinds: readonly ObservationKind[]): {
  first: ObservationKind[];
  more: ObservationKind[];
} {
  const typed = kinds.filter((k) => !k.derived);
  const first = FIRST_OBSERVATIONS.flatMap((key) => typed.filter((k) => k.key === key));
  return { first, more: typed.filter((k) => !first.includes(k)) };
}

/**
 * A number as typed on a phone: '120', '36,8' or '36.8'; null for an empty box, NaN for anything
 * else (the server says what is allowed: the box is sent as typed only when it reads as a number).
 */
export function readNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** One observation box: its kind's code, the text typed, and the record id it will be sent under. */
export interface ObservationDraft {
  code: string;
  text: string;
  id: string;
}

/** The range a kind allows, in the unit it is typed in (display unit), for the box's hint. */
export function rangeOf(kind: ObservationKind): { min: number; max: number; unit: string } {
  const factor = kind.units.find((u) => u.unit === kind.displayUnit)?.factor ?? 1;
  const round = (v: number) => Math.round((v / factor) * 100) / 100;
  return { min: round(kind.min), max: round(kind.max), unit: kind.displayUnit };
}

/**
 * Whether a typed value is alarming (at or above 180 systolic ...), by the server's own rule on the
 * value in the kind's unit; null when the value is not a number.
 */
export function draftFlag(kind: ObservationKind, text: string) {
  const value = readNumber(text);
  if (value === null || Number.isNaN(value)) return null;
  const factor = kind.units.find((u) => u.unit === kind.displayUnit)?.factor ?? 1;
  return flagOf(kind, value * factor);
}

/** The observations to send: every box with a number in it, in the unit it was typed in. */
export function observationInputs(
  drafts: readonly ObservationDraft[],
  kinds: ReadonlyMap<string, ObservationKind>,
): ObservationInput[] {
  return drafts.flatMap((d) => {
    const value = readNumber(d.text);
    const kind = kinds.get(d.code);
    if (value === null || Number.isNaN(value) || !kind) return [];
    return [{ id: d.id, code: d.code, value, unit: kind.displayUnit }];
  });
}

/** A box whose text is not a number: the form says so before anything is sent. */
export function unreadableDrafts(drafts: readonly ObservationDraft[]): string[] {
  return drafts.filter((d) => Number.isNaN(readNumber(d.text))).map((d) => d.code);
}

/** A diagnosis picked on the visit: its code and whether it is the main one. */
export interface DiagnosisDraft {
  id: string;
  code: string;
  name: string;
  chronic: boolean;
}

/** The diagnoses to send: the first is the main one, the others secondary. */
export function diagnosisInputs(drafts: readonly DiagnosisDraft[], mainExists: boolean): DiagnosisInput[] {
  return drafts.map((d, i) => ({
    id: d.id,
    code: d.code,
    role: i === 0 && !mainExists ? 'main' : 'secondary',
  }));
}

/** A prescription line as typed: the medicine, dose, how often, how long; the quantity when overridden. */
export interface PrescriptionDraft {
  id: string;
  medicineId: string;
  medicine: { name: string; strength: string; unit: string; dosageForm?: string };
  dose: string;
  frequency: DoseFrequency;
  durationDays: string;
  /** Empty: counted from the three above. */
  quantity: string;
  longTerm: boolean;
}

/** A fresh line for a medicine: one unit once a day for 30 days, the quantity counted. */
export function newPrescription(medicine: PrescriptionDraft['medicine'] & { id: string }): PrescriptionDraft {
  return {
    id: newId(),
    medicineId: medicine.id,
    medicine,
    dose: '1',
    frequency: 'once-daily',
    durationDays: String(MAX_SHORT_TERM_DAYS),
    quantity: '',
    longTerm: false,
  };
}

/** "Same as last time": the last visit's lines again, each under a new id. */
export function fromLastTime(items: readonly PrescriptionTemplate[]): PrescriptionDraft[] {
  return items.map((t) => ({
    id: newId(),
    medicineId: t.medicineId,
    medicine: t.medicine,
    dose: String(t.dose),
    frequency: t.frequency,
    durationDays: String(t.durationDays),
    quantity: '',
    longTerm: t.longTerm,
  }));
}

/** The quantity a line will dispense: typed, or counted by the server's rule; null if it cannot be. */
export function draftQuantity(d: PrescriptionDraft): number | null {
  const typed = readNumber(d.quantity);
  if (typed !== null) return Number.isNaN(typed) ? null : typed;
  const dose = readNumber(d.dose);
  const days = readNumber(d.durationDays);
  if (dose === null || days === null || Number.isNaN(dose) || Number.isNaN(days)) return null;
  return quantityOf(dose, d.frequency, days);
}

/** The lines to send; a box that does not read as a number goes as NaN-free 0 so the server names it. */
export function prescriptionInputs(drafts: readonly PrescriptionDraft[]): PrescriptionInput[] {
  return drafts.map((d) => {
    const quantity = readNumber(d.quantity);
    const longTerm = d.longTerm || (readNumber(d.durationDays) ?? 0) > MAX_SHORT_TERM_DAYS;
    return {
      id: d.id,
      medicineId: d.medicineId,
      dose: numberOrZero(readNumber(d.dose)),
      frequency: d.frequency,
      durationDays: numberOrZero(readNumber(d.durationDays)),
      ...(quantity === null ? {} : { quantity: numberOrZero(quantity) }),
      ...(longTerm ? { longTerm: true } : {}),
    };
  });
}

function numberOrZero(n: number | null): number {
  return n === null || Number.isNaN(n) ? 0 : n;
}

/** A service performed, picked from the catalogue. */
export interface ServiceDraft {
  id: string;
  serviceItemId: string;
  code: string;
  name: string;
}

export function serviceInputs(drafts: readonly ServiceDraft[]): ServiceInput[] {
  return drafts.map((d) => ({ id: d.id, serviceItemId: d.serviceItemId }));
}

/** The one request that saves what was typed, or null when nothing is new. */
export function recordsBody(parts: {
  observations: ObservationInput[];
  diagnoses: DiagnosisInput[];
  prescriptions: PrescriptionInput[];
  services?: ServiceInput[];
}): AddRecordsBody | null {
  const body: AddRecordsBody = {};
  if (parts.observations.length > 0) body.observations = parts.observations;
  if (parts.diagnoses.length > 0) body.diagnoses = parts.diagnoses;
  if (parts.prescriptions.length > 0) body.prescriptions = parts.prescriptions;
  if (parts.services && parts.services.length > 0) body.services = parts.services;
  return Object.keys(body).length > 0 ? body : null;
}

/**
 * Where a field problem of the API belongs on the form: `body.observations[1].value` is the second
 * observation sent, `body.prescriptions[0].quantity` the first line sent; null for any other field.
 */
export function problemTarget(
  field: string,
): { list: 'observations' | 'diagnoses' | 'prescriptions' | 'services'; index: number; part: string } | null {
  const m =
    /^(?:body\.)?(?:add\.)?(observations|diagnoses|prescriptions|services)\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (!m) return null;
  return { list: m[1] as 'observations', index: Number(m[2]), part: m[3] ?? '' };
}
