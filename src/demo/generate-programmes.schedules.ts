import type { ImmunizationSlot, ProgrammeWords } from './generate-programmes.ts';

/**
 * The childhood schedules the demo gives its children, per demo, as data (the facts of
 * ../shared/reference/programmes.md): when a punctual child gets each dose, the minimum age and the
 * minimum interval after the series' previous dose. The engine judges the doses by the profile's
 * protocol files; these tables only plan a plausible booklet, on time or late, and a few doses given
 * too early on purpose. Doses planned on the same age are given at one session (so live injectables
 * are given together or 28 days apart, as the schedules ask).
 */

const month = 30;

/** Vietnam's expanded programme (Circular 10/2024/TT-BYT), children under 6. */
const KHANH_HOA: ImmunizationSlot[] = [
  { item: 'hepb-0', vaccine: 'HepB', ageDays: 0, minAgeDays: 0, after: null, minIntervalDays: 0 },
  { item: 'bcg', vaccine: 'BCG', ageDays: 0, minAgeDays: 0, after: null, minIntervalDays: 0 },
  { item: 'penta-1', vaccine: 'DTP-HepB-Hib', ageDays: 61, minAgeDays: 42, after: null, minIntervalDays: 0 },
  { item: 'opv-1', vaccine: 'bOPV', ageDays: 61, minAgeDays: 42, after: null, minIntervalDays: 0 },
  {
    item: 'penta-2',
    vaccine: 'DTP-HepB-Hib',
    ageDays: 91,
    minAgeDays: 70,
    after: 'penta-1',
    minIntervalDays: 28,
  },
  { item: 'opv-2', vaccine: 'bOPV', ageDays: 91, minAgeDays: 70, after: 'opv-1', minIntervalDays: 28 },
  {
    item: 'penta-3',
    vaccine: 'DTP-HepB-Hib',
    ageDays: 122,
    minAgeDays: 98,
    after: 'penta-2',
    minIntervalDays: 28,
  },
  { item: 'opv-3', vaccine: 'bOPV', ageDays: 122, minAgeDays: 98, after: 'opv-2', minIntervalDays: 28 },
  {
    item: 'ipv-1',
    vaccine: 'IPV',
    ageDays: 5 * month + 2,
    minAgeDays: 14 * 7,
    after: null,
    minIntervalDays: 0,
  },
  {
    item: 'mcv-1',
    vaccine: 'MCV',
    ageDays: 9 * month + 4,
    minAgeDays: 9 * month,
    after: null,
    minIntervalDays: 0,
  },
  {
    item: 'ipv-2',
    vaccine: 'IPV',
    ageDays: 9 * month + 4,
    minAgeDays: 9 * month,
    after: 'ipv-1',
    minIntervalDays: 120,
  },
  {
    item: 'je-1',
    vaccine: 'JE-I',
    ageDays: 12 * month + 6,
    minAgeDays: 12 * month,
    after: null,
    minIntervalDays: 0,
  },
  {
    item: 'je-2',
    vaccine: 'JE-I',
    ageDays: 12 * month + 16,
    minAgeDays: 12 * month,
    after: 'je-1',
    minIntervalDays: 7,
  },
  {
    item: 'mr',
    vaccine: 'MR',
    ageDays: 18 * month + 8,
    minAgeDays: 18 * month,
    after: 'mcv-1',
    minIntervalDays: 28,
  },
  {
    item: 'dtp-4',
    vaccine: 'DTP',
    ageDays: 18 * month + 8,
    minAgeDays: 18 * month,
    after: 'penta-3',
    minIntervalDays: 180,
  },
  {
    item: 'je-3',
    vaccine: 'JE-I',
    ageDays: 24 * month + 20,
    minAgeDays: 24 * month,
    after: 'je-2',
    minIntervalDays: 365,
  },
];

/** China's national immunization programme (2021 edition; DTaP at 2, 4, 6, 18 months from 2025), under 6. */
const XISHUI: ImmunizationSlot[] = [
  { item: 'hepb-1', vaccine: 'HepB', ageDays: 0, minAgeDays: 0, after: null, minIntervalDays: 0 },
  { item: 'bcg', vaccine: 'BCG', ageDays: 0, minAgeDays: 0, after: null, minIntervalDays: 0 },
  {
    item: 'hepb-2',
    vaccine: 'HepB',
    ageDays: month + 2,
    minAgeDays: month,
    after: 'hepb-1',
    minIntervalDays: 28,
  },
  {
    item: 'ipv-1',
    vaccine: 'IPV',
    ageDays: 2 * month + 2,
    minAgeDays: 2 * month,
    after: null,
    minIntervalDays: 0,
  },
  {
    item: 'dtap-1',
    vaccine: 'DTaP',
    ageDays: 2 * month + 2,
    minAgeDays: 2 * month,
    after: null,
    minIntervalDays: 0,
    earlier: [{ before: '2025-01-01', ages: { ageDays: 3 * month + 2, minAgeDays: 3 * month } }],
  },
  {
    item: 'ipv-2',
    vaccine: 'IPV',
    ageDays: 3 * month + 2,
    minAgeDays: 3 * month,
    after: 'ipv-1',
    minIntervalDays: 28,
  },
  {
    item: 'bopv-3',
    vaccine: 'bOPV',
    ageDays: 4 * month + 2,
    minAgeDays: 4 * month,
    after: 'ipv-2',
    minIntervalDays: 28,
  },
  {
    item: 'dtap-2',
    vaccine: 'DTaP',
    ageDays: 4 * month + 2,
    minAgeDays: 4 * month,
    after: 'dtap-1',
    minIntervalDays: 28,
  },
  {
    item: 'hepb-3',
    vaccine: 'HepB',
    ageDays: 6 * month + 4,
    minAgeDays: 6 * month,
    after: 'hepb-2',
    minIntervalDays: 60,
  },
  {
    item: 'dtap-3',
    vaccine: 'DTaP',
    ageDays: 6 * month + 4,
    minAgeDays: 6 * month,
    after: 'dtap-2',
    minIntervalDays: 28,
    earlier: [{ before: '2025-01-01', ages: { ageDays: 5 * month + 2, minAgeDays: 5 * month } }],
  },
  {
    item: 'mpsva-1',
    vaccine: 'MPSV-A',
    ageDays: 6 * month + 4,
    minAgeDays: 6 * month,
    after: null,
    minIntervalDays: 0,
  },
  {
    item: 'mmr-1',
    vaccine: 'MMR',
    ageDays: 8 * month + 4,
    minAgeDays: 8 * month,
    after: null,
    minIntervalDays: 0,
  },
  {
    item: 'je-1',
    vaccine: 'JE-L',
    ageDays: 8 * month + 4,
    minAgeDays: 8 * month,
    after: null,
    minIntervalDays: 0,
  },
  {
    item: 'mpsva-2',
    vaccine: 'MPSV-A',
    ageDays: 9 * month + 6,
    minAgeDays: 9 * month,
    after: 'mpsva-1',
    minIntervalDays: 90,
  },
  {
    item: 'dtap-4',
    vaccine: 'DTaP',
    ageDays: 18 * month + 8,
    minAgeDays: 18 * month,
    after: 'dtap-3',
    minIntervalDays: 180,
  },
  {
    item: 'mmr-2',
    vaccine: 'MMR',
    ageDays: 18 * month + 8,
    minAgeDays: 18 * month,
    after: 'mmr-1',
    minIntervalDays: 28,
  },
  {
    item: 'hepa-1',
    vaccine: 'HepA-L',
    ageDays: 18 * month + 8,
    minAgeDays: 18 * month,
    after: null,
    minIntervalDays: 0,
  },
  {
    item: 'je-2',
    vaccine: 'JE-L',
    ageDays: 24 * month + 10,
    minAgeDays: 24 * month,
    after: 'je-1',
    minIntervalDays: 365,
  },
  {
    item: 'mpsvac-1',
    vaccine: 'MPSV-AC',
    ageDays: 36 * month + 12,
    minAgeDays: 36 * month,
    after: 'mpsva-2',
    minIntervalDays: 365,
  },
  {
    item: 'bopv-4',
    vaccine: 'bOPV',
    ageDays: 48 * month + 16,
    minAgeDays: 48 * month,
    after: 'bopv-3',
    minIntervalDays: 28,
  },
];

/** The words and schedules of each demo (its profile's `demo` key). */
export const DEMO_PROGRAMMES: Record<
  'khanh-hoa' | 'xishui',
  { schedule: ImmunizationSlot[]; words: ProgrammeWords }
> = {
  'khanh-hoa': {
    schedule: KHANH_HOA,
    words: {
      elsewhere: ['Bệnh viện Đa khoa tỉnh Khánh Hòa', 'Trung tâm Y tế huyện Khánh Sơn', 'Phòng khám tư nhân'],
      postnatal: 'Khám sau sinh',
      elderlyCheck: 'Khám sức khỏe người cao tuổi',
      hypertension: 'Tái khám tăng huyết áp',
      pregnancy: 'Khám thai',
      childCheck: 'Cân, đo theo dõi tăng trưởng trẻ em',
    },
  },
  xishui: {
    schedule: XISHUI,
    words: {
      elsewhere: ['习水县人民医院', '遵义市妇幼保健院', '习水县疾病预防控制中心'],
      postnatal: '产后访视',
      elderlyCheck: '老年人健康体检',
      hypertension: '高血压随访',
      pregnancy: '产前检查',
      childCheck: '儿童健康检查',
    },
  },
};
