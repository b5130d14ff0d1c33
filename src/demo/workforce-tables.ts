import { type WeightedTable, weightedTable } from './random.ts';

/**
 * Workforce shapes for the demo, as small text tables (easier to read and adjust than nested literals).
 * Weights are relative; a row need not add up to 100.
 */

export type Level = 'provincial' | 'district' | 'commune';

/** Parses "name | w1 w2 ..." rows against a header of item names. */
function parseTable(text: string): Map<string, WeightedTable<string>> {
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((l) => l.split('|').map((c) => c.trim()));
  const items = header![1]!.split(/\s+/);
  const out = new Map<string, WeightedTable<string>>();
  for (const [name, weights] of rows) {
    const ws = weights!.split(/\s+/).map(Number);
    out.set(name!, weightedTable(items.map((item, i) => [item, ws[i] ?? 0] as const)));
  }
  return out;
}

/** Cadre mix (doctors excepted: their numbers are set apart) by kind of facility. */
const MIX = parseTable(`
mix        | nurse midwife technician pharmacist assistant_doctor public_health administrative
hospital   |   46     5       12          6            4               1             12
preventive |   10     0       25          6           10              25             20
dhc        |   32    10       10          7           14               8             12
clinic     |   35    15       10         10           25               0              5
`);

/**
 * Highest qualification by cadre and level. Provincial facilities hold more bachelor's degrees than
 * commune stations (seed 002's contrast). Doctors are handled apart (their postgraduate share is exact).
 */
const QUALIFICATION = parseTable(`
cadre / level                    | postgraduate bachelor college secondary none
assistant_doctor provincial      |      0          0       30       70       0
assistant_doctor district        |      0          0       20       80       0
assistant_doctor commune         |      0          0       12       88       0
nurse provincial                 |      2         45       38       15       0
nurse district                   |      0         24       40       36       0
nurse commune                    |      0         10       32       58       0
midwife provincial               |      0         40       40       20       0
midwife district                 |      0         20       40       40       0
midwife commune                  |      0          8       30       62       0
pharmacist provincial            |     12         50       20       18       0
pharmacist district              |      3         30       27       40       0
pharmacist commune               |      0          5       20       75       0
technician provincial            |      4         46       35       15       0
technician district              |      0         28       42       30       0
technician commune               |      0         10       30       60       0
public_health provincial         |     20         75        5        0       0
public_health district           |      5         80       15        0       0
public_health commune            |      0         70       30        0       0
administrative provincial        |      6         60       16       12       6
administrative district          |      0         45       20       25      10
administrative commune           |      0         20       20       40      20
village_health_worker commune    |      0          0        0       40      60
`);

/** Share of men by cadre (nurses and midwives are mostly women), and the position title. */
export const CADRE_FACTS: Record<string, { maleShare: number; position: string; clinical: boolean }> = {
  doctor: { maleShare: 0.56, position: 'Bác sĩ', clinical: true },
  assistant_doctor: { maleShare: 0.45, position: 'Y sĩ', clinical: true },
  nurse: { maleShare: 0.2, position: 'Điều dưỡng', clinical: true },
  midwife: { maleShare: 0.02, position: 'Hộ sinh', clinical: true },
  pharmacist: { maleShare: 0.33, position: 'Dược sĩ', clinical: true },
  technician: { maleShare: 0.5, position: 'Kỹ thuật viên', clinical: true },
  public_health: { maleShare: 0.42, position: 'Cán bộ y tế công cộng', clinical: false },
  administrative: { maleShare: 0.4, position: 'Nhân viên hành chính', clinical: false },
  village_health_worker: { maleShare: 0.45, position: 'Nhân viên y tế thôn', clinical: false },
};

/** The level of care a facility kind works at (for qualification mixes and the postgraduate bonus). */
export function levelOf(kind: string): Level {
  if (kind === 'commune_health_station' || kind === 'sub_station') return 'commune';
  if (kind === 'district_health_centre' || kind === 'general_clinic') return 'district';
  return 'provincial';
}

/** The non-doctor cadre mix of a facility kind. */
export function cadreMixOf(kind: string): WeightedTable<string> {
  const name =
    kind === 'preventive_medicine_unit'
      ? 'preventive'
      : kind === 'district_health_centre'
        ? 'dhc'
        : kind === 'general_clinic'
          ? 'clinic'
          : 'hospital';
  return MIX.get(name)!;
}

/** The qualification mix of a (non-doctor) cadre at a level; village health workers are commune-level. */
export function qualificationMix(cadre: string, level: Level): WeightedTable<string> {
  const table = QUALIFICATION.get(`${cadre} ${level}`) ?? QUALIFICATION.get(`${cadre} commune`);
  if (!table) throw new Error(`demo: no qualification mix for ${cadre} at ${level} level`);
  return table;
}
