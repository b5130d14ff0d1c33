/**
 * The catalogue pickers the visit screen uses (features/catalog gives them): a diagnosis (ICD-10) and a
 * medicine, searched without accents in vi/zh/en. Kept behind one name so the visit screen does not
 * care where they come from.
 */
export interface PickedDiagnosis {
  code: string;
  names: { vi: string; zh: string; en: string };
  chronic: boolean;
}
export interface PickedMedicine {
  id: string;
  name: string;
  strength: string;
  unit: string;
  dosageForm: string;
}

function Diagnosis(_: { onPick: (d: PickedDiagnosis) => void }) {
  return null;
}
function Medicine(_: { onPick: (m: PickedMedicine) => void }) {
  return null;
}

export const CarePickers = { Diagnosis, Medicine };
