import {
  type CitizenIdFacts,
  type CitizenIdProblem,
  type CitizenIdRule,
  citizenIdProblem,
  normaliseCitizenId,
} from '../../../../src/modules/residents/identity.rules.ts';
import { isIsoDate } from '../../calendar.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { CreateResidentBody, Relationship, Sex } from './api.ts';

/**
 * The registration form's values, its checks (those of CreateResidentBody and CreateHouseholdBody in
 * src/modules/residents/residents.schema.ts, and the server's birth and citizen id rules) and the
 * bodies it sends. Pure, so the checks are unit-tested.
 */

export type HouseholdMode = 'existing' | 'new' | 'none';

export interface ResidentFormValues {
  fullName: string;
  sex: '' | Sex;
  birthKnown: 'date' | 'year';
  birthDate: string;
  birthYear: string;
  citizenId: string;
  phone: string;
  ethnicity: string;
  occupation: string;
  /** A locale tag of the profile's languages, or '' for the profile's own (reminders). */
  language: string;
  householdMode: HouseholdMode;
  householdId: string;
  relationshipToHead: '' | Relationship;
  householdCode: string;
  householdAddress: string;
  areaId: string;
  registerHere: boolean;
}

export const EMPTY_RESIDENT_FORM: ResidentFormValues = {
  fullName: '',
  sex: '',
  birthKnown: 'date',
  birthDate: '',
  birthYear: '',
  citizenId: '',
  phone: '',
  ethnicity: '',
  occupation: '',
  language: '',
  householdMode: 'existing',
  householdId: '',
  relationshipToHead: '',
  householdCode: '',
  householdAddress: '',
  areaId: '',
  registerHere: true,
};

export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type FormField = keyof ResidentFormValues;

function lengthProblem(value: string, min: number, max: number, required: boolean): Problem | null {
  const v = value.trim();
  if (v === '') return required ? { key: 'validation.required' } : null;
  if (v.length < min) return { key: 'validation.tooShort', params: { min } };
  if (v.length > max) return { key: 'validation.tooLong', params: { max } };
  return null;
}

export function birthProblem(values: ResidentFormValues, today: string): Problem | null {
  if (values.birthKnown === 'year') {
    const v = values.birthYear.trim();
    if (v === '') return null;
    if (!/^\d{4}$/.test(v)) return { key: 'residents.form.yearFormat' };
    if (Number(v) < 1850 || Number(v) > Number(today.slice(0, 4)))
      return { key: 'residents.form.yearImplausible' };
    return null;
  }
  const v = values.birthDate.trim();
  if (v === '') return null;
  if (!isIsoDate(v)) return { key: 'residents.form.dateFormat' };
  if (v > today) return { key: 'residents.form.dateFuture' };
  if (Number(v.slice(0, 4)) < 1850) return { key: 'residents.form.yearImplausible' };
  return null;
}

/** The birth as the API takes it: `YYYY-MM-DD`, or `YYYY` when only the year is known. */
export function birthValue(values: ResidentFormValues): string {
  return (values.birthKnown === 'year' ? values.birthYear : values.birthDate).trim();
}

/** What the form knows of the birth, for the citizen id's cross-check: a full date, or a year. */
function birthFacts(birth: string): CitizenIdFacts {
  if (isIsoDate(birth)) return { birthDate: birth };
  return /^\d{4}$/.test(birth) ? { birthYear: Number(birth) } : {};
}

export function citizenIdMessage(problem: CitizenIdProblem): Problem {
  switch (problem.kind) {
    case 'length':
      return { key: 'residents.form.citizenIdLength', params: { digits: problem.digits } };
    case 'region':
      return { key: 'residents.form.citizenIdRegion', params: { code: problem.code } };
    case 'checkDigit':
      return { key: 'residents.form.citizenIdCheck' };
    case 'notADate':
    case 'birthDate':
      return { key: 'residents.form.citizenIdBirthDate' };
    case 'sex':
      return {
        key: problem.encoded === 'male' ? 'residents.form.citizenIdMale' : 'residents.form.citizenIdFemale',
      };
    case 'birthYear':
      return { key: 'residents.form.citizenIdYear', params: { year: problem.encoded } };
  }
}

/** Every problem of the form, by field; an empty object when it can be sent. */
export function residentFormProblems(
  values: ResidentFormValues,
  rule: CitizenIdRule | undefined,
  today: string,
): Partial<Record<FormField, Problem>> {
  const problems: Partial<Record<FormField, Problem>> = {};
  const put = (field: FormField, problem: Problem | null) => {
    if (problem) problems[field] = problem;
  };
  put('fullName', lengthProblem(values.fullName, 1, 200, true));
  put(values.birthKnown === 'year' ? 'birthYear' : 'birthDate', birthProblem(values, today));
  if (values.citizenId.trim() !== '') {
    put('citizenId', lengthProblem(values.citizenId, 1, 40, false));
    const problem = rule
      ? citizenIdProblem(rule, values.citizenId, { sex: values.sex, ...birthFacts(birthValue(values)) })
      : null;
    if (problem && !problems.citizenId) put('citizenId', citizenIdMessage(problem));
  }
  put('phone', lengthProblem(values.phone, 3, 30, false));
  put('ethnicity', lengthProblem(values.ethnicity, 0, 100, false));
  put('occupation', lengthProblem(values.occupation, 0, 200, false));
  if (values.householdMode === 'existing') {
    if (!values.householdId) put('householdId', { key: 'residents.form.chooseHousehold' });
    if (!values.relationshipToHead) put('relationshipToHead', { key: 'validation.required' });
  } else {
    if (!values.areaId) put('areaId', { key: 'validation.required' });
    if (values.householdMode === 'new') {
      put('householdAddress', lengthProblem(values.householdAddress, 1, 500, true));
      put('householdCode', lengthProblem(values.householdCode, 1, 40, false));
      if (!values.relationshipToHead) put('relationshipToHead', { key: 'validation.required' });
    }
  }
  return problems;
}

const optional = (value: string) => {
  const v = value.trim();
  return v === '' ? undefined : v;
};

/**
 * The POST /api/residents body: in a chosen household (`householdId`), in a new one registered in the
 * same request (`newHousehold`, which the person heads unless another relationship is chosen), or on
 * an area.
 */
export function residentBody(
  values: ResidentFormValues,
  householdId: string | undefined,
  facilityId: string | undefined,
): CreateResidentBody {
  const existing = values.householdMode === 'existing' && householdId;
  const created = values.householdMode === 'new';
  return {
    fullName: values.fullName.trim().replace(/\s+/g, ' '),
    sex: values.sex || undefined,
    birthDate: optional(birthValue(values)),
    citizenId: values.citizenId.trim() ? normaliseCitizenId(values.citizenId) : undefined,
    phone: optional(values.phone),
    ethnicity: optional(values.ethnicity),
    occupation: optional(values.occupation),
    language: values.language || undefined,
    householdId: existing ? householdId : undefined,
    newHousehold: created
      ? {
          address: values.householdAddress.trim(),
          code: optional(values.householdCode),
          areaId: values.areaId,
        }
      : undefined,
    relationshipToHead: existing || created ? values.relationshipToHead || undefined : undefined,
    areaId: existing || created ? undefined : values.areaId,
    registeredFacilityId: values.registerHere ? facilityId : undefined,
  };
}

/** The API's field names that formFieldOf places, for applyApiErrors. */
export const RESIDENT_API_FIELDS = [
  'fullName',
  'sex',
  'birthDate',
  'citizenId',
  'phone',
  'ethnicity',
  'occupation',
  'language',
  'householdId',
  'relationshipToHead',
  'areaId',
  'areaCode',
  'registeredFacilityId',
  'newHousehold.address',
  'newHousehold.code',
  'newHousehold.areaId',
  'newHousehold.areaCode',
] as const;

/** Where the API's field names land in this form (`body.birthDate` → the birth field in use). */
export function formFieldOf(apiField: string, values: ResidentFormValues): FormField | undefined {
  const name = apiField.replace(/^body\./, '');
  if (name === 'newHousehold.address') return 'householdAddress';
  if (name === 'newHousehold.code') return 'householdCode';
  if (name === 'newHousehold.areaId' || name === 'newHousehold.areaCode') return 'areaId';
  if (name === 'birthDate') return values.birthKnown === 'year' ? 'birthYear' : 'birthDate';
  if (name === 'areaCode') return 'areaId';
  if (name === 'registeredFacilityId') return 'registerHere';
  const fields: FormField[] = [
    'fullName',
    'sex',
    'citizenId',
    'phone',
    'ethnicity',
    'occupation',
    'language',
    'householdId',
    'relationshipToHead',
    'areaId',
  ];
  return fields.find((f) => f === name);
}
