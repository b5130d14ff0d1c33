import type { FieldError } from '../../platform/http/errors.ts';
import type { ObservationFlag } from './encounters.enums.ts';
import type { ObservationInput, ObservationKind } from './encounters.schema.ts';

/**
 * Observations as data (protocols/observations.json, loaded by observation-kinds.ts): a value is read
 * in the unit it was entered in, converted to its kind's unit, refused when it is outside the
 * plausible range (an impossible value: systolic 400, weight 0) and flagged when alarming (blood
 * pressure at or above 180/110, glucose above 16.7 mmol/L). BMI is derived from weight and height.
 */

export const BMI_CODE = '39156-5';
export const WEIGHT_CODE = '29463-7';
export const HEIGHT_CODE = '8302-2';

/** An observation as it will be stored: its value in the kind's unit, the flag. */
export interface ReadObservation {
  id: string;
  code: string;
  key: string;
  value: number;
  unit: string;
  enteredValue: number;
  enteredUnit: string;
  observedAt: string;
  flag: ObservationFlag | null;
  derived: boolean;
}

/** A value rounded to a kind's decimals, half away from zero on the written digits. */
export function roundTo(value: number, decimals: number): number {
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  return (Math.sign(value) * Math.round(shifted)) / 10 ** decimals;
}

/**
 * The flag of a value in its kind's unit: alarming-high at or above `alarmingHigh` (above, when
 * `alarmingHighExclusive`), alarming-low below `alarmingLow`; null otherwise.
 */
export function flagOf(kind: ObservationKind, value: number): ObservationFlag | null {
  if (kind.alarmingHigh !== null) {
    const high = kind.alarmingHighExclusive ? value > kind.alarmingHigh : value >= kind.alarmingHigh;
    if (high) return 'alarming-high';
  }
  if (kind.alarmingLow !== null && value < kind.alarmingLow) return 'alarming-low';
  return null;
}

/**
 * One observation read against its kind, or the field error naming what to fix: an unknown code, a
 * unit the kind does not take, a derived kind entered by hand, a value outside the plausible range
 * (the message gives the range in the unit the value was entered in).
 */
export function readObservation(
  kinds: ReadonlyMap<string, ObservationKind>,
  input: ObservationInput,
  field: string,
  defaultObservedAt: string,
): ReadObservation | FieldError {
  const kind = kinds.get(input.code.trim());
  if (!kind) return { field: `${field}.code`, message: `unknown observation code ${input.code}` };
  if (kind.derived) {
    return { field: `${field}.code`, message: `${kind.key} (${kind.code}) is computed, not entered` };
  }
  const enteredUnit = input.unit ?? kind.displayUnit;
  const unit = kind.units.find((u) => u.unit === enteredUnit);
  if (!unit) {
    const accepted = kind.units.map((u) => u.unit).join(', ');
    return { field: `${field}.unit`, message: `${kind.key} is measured in ${accepted}, not ${enteredUnit}` };
  }
  const value = roundTo(input.value * unit.factor, kind.decimals);
  if (!(value >= kind.min && value <= kind.max)) {
    const lo = roundTo(kind.min / unit.factor, 2);
    const hi = roundTo(kind.max / unit.factor, 2);
    return {
      field: `${field}.value`,
      message: `${kind.key} ${input.value} ${enteredUnit} is not possible: allowed ${lo} to ${hi} ${enteredUnit}`,
    };
  }
  return {
    id: input.id,
    code: kind.code,
    key: kind.key,
    value,
    unit: kind.unit,
    enteredValue: input.value,
    enteredUnit,
    observedAt: input.observedAt ?? defaultObservedAt,
    flag: flagOf(kind, value),
    derived: false,
  };
}

/** BMI = weight (kg) / height (m)², to one decimal; null when out of its plausible range. */
export function bmiOf(weightKg: number, heightCm: number): number | null {
  if (!(weightKg > 0 && heightCm > 0)) return null;
  return roundTo(weightKg / (heightCm / 100) ** 2, 1);
}

/**
 * Reads a batch of observations: every error at once, or the observations plus a derived BMI when
 * the batch holds a weight and a height and no BMI yet (`derivedId` gives its id, so a repeated
 * request derives the same record).
 */
export function readObservations(
  kinds: ReadonlyMap<string, ObservationKind>,
  inputs: readonly ObservationInput[],
  options: { fieldPrefix: string; observedAt: string; derivedId: (weightId: string) => string },
): { ok: true; observations: ReadObservation[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const read: ReadObservation[] = [];
  inputs.forEach((input, i) => {
    const r = readObservation(kinds, input, `${options.fieldPrefix}[${i}]`, options.observedAt);
    if ('field' in r) errors.push(r);
    else read.push(r);
  });
  if (errors.length > 0) return { ok: false, errors };
  const weight = read.find((o) => o.code === WEIGHT_CODE);
  const height = read.find((o) => o.code === HEIGHT_CODE);
  const bmiKind = kinds.get(BMI_CODE);
  if (weight && height && bmiKind) {
    const bmi = bmiOf(weight.value, height.value);
    if (bmi !== null && bmi >= bmiKind.min && bmi <= bmiKind.max) {
      read.push({
        id: options.derivedId(weight.id),
        code: bmiKind.code,
        key: bmiKind.key,
        value: bmi,
        unit: bmiKind.unit,
        enteredValue: bmi,
        enteredUnit: bmiKind.unit,
        observedAt: weight.observedAt,
        flag: flagOf(bmiKind, bmi),
        derived: true,
      });
    }
  }
  return { ok: true, observations: read };
}
