import type { DemoAreas, DemoCommune } from './generate-areas.ts';
import { DISTRICTS } from './khanh-hoa.ts';
import type { Rng } from './random.ts';

export type DemoOwnership = 'public' | 'private' | 'military';

/** One generated facility, before it becomes a CSV row. */
export interface DemoFacility {
  code: string;
  name: string;
  kind: string;
  ownership: DemoOwnership;
  managingCode: string | null;
  areaCode: string;
  latitude: number;
  longitude: number;
  beds: number;
  services: string[];
  /** Relative staff size, turned into headcounts by the workforce generator. */
  staffWeight: number;
  /** Share of the staff who are doctors. */
  doctorRate: number;
}

const S = {
  hospital: [
    'outpatient',
    'emergency',
    'inpatient',
    'surgery',
    'laboratory',
    'imaging',
    'antenatal_care',
    'delivery',
  ],
  specialised: ['outpatient', 'inpatient', 'laboratory', 'imaging'],
  preventive: ['immunization', 'disease_surveillance', 'laboratory', 'health_education'],
  dhc: [
    'outpatient',
    'emergency',
    'inpatient',
    'laboratory',
    'imaging',
    'immunization',
    'antenatal_care',
    'delivery',
    'ncd_management',
    'disease_surveillance',
    'traditional_medicine',
  ],
  clinic: ['outpatient', 'emergency', 'laboratory', 'antenatal_care', 'ncd_management'],
  station: ['outpatient', 'immunization', 'antenatal_care', 'ncd_management', 'family_planning'],
  subStation: ['outpatient', 'first_aid', 'immunization'],
};

/** The provincial facilities: the ward they stand in (commune names are unique in the province), beds, size. */
const PROVINCIAL: {
  code: string;
  name: string;
  kind: string;
  ownership: DemoOwnership;
  ward: string;
  beds: number;
  staff: number;
  doctorRate: number;
  services: string[];
}[] = [
  {
    code: '56001',
    name: 'Bệnh viện Đa khoa tỉnh Khánh Hòa',
    kind: 'provincial_general_hospital',
    ownership: 'public',
    ward: 'Lộc Thọ',
    beds: 1200,
    staff: 1550,
    doctorRate: 0.2,
    services: [...S.hospital, 'intensive_care', 'oncology'],
  },
  {
    code: '56002',
    name: 'Bệnh viện Đa khoa khu vực Ninh Hòa',
    kind: 'provincial_general_hospital',
    ownership: 'public',
    ward: 'Ninh Hiệp',
    beds: 130,
    staff: 280,
    doctorRate: 0.2,
    services: S.hospital,
  },
  {
    code: '56003',
    name: 'Bệnh viện Đa khoa khu vực Cam Ranh',
    kind: 'provincial_general_hospital',
    ownership: 'public',
    ward: 'Cam Lộc',
    beds: 120,
    staff: 260,
    doctorRate: 0.2,
    services: S.hospital,
  },
  {
    code: '56004',
    name: 'Bệnh viện Nhi tỉnh Khánh Hòa',
    kind: 'provincial_specialised_hospital',
    ownership: 'public',
    ward: 'Phước Hòa',
    beds: 100,
    staff: 210,
    doctorRate: 0.22,
    services: [...S.specialised, 'emergency', 'paediatrics'],
  },
  {
    code: '56005',
    name: 'Bệnh viện Lao và Bệnh phổi tỉnh Khánh Hòa',
    kind: 'provincial_specialised_hospital',
    ownership: 'public',
    ward: 'Phước Đồng',
    beds: 70,
    staff: 130,
    doctorRate: 0.18,
    services: [...S.specialised, 'tuberculosis'],
  },
  {
    code: '56006',
    name: 'Bệnh viện Da liễu tỉnh Khánh Hòa',
    kind: 'provincial_specialised_hospital',
    ownership: 'public',
    ward: 'Phương Sài',
    beds: 20,
    staff: 60,
    doctorRate: 0.22,
    services: ['outpatient', 'dermatology', 'laboratory'],
  },
  {
    code: '56007',
    name: 'Bệnh viện Tâm thần tỉnh Khánh Hòa',
    kind: 'provincial_specialised_hospital',
    ownership: 'public',
    ward: 'Vĩnh Thái',
    beds: 70,
    staff: 140,
    doctorRate: 0.16,
    services: [...S.specialised, 'mental_health'],
  },
  {
    code: '56008',
    name: 'Bệnh viện Y học cổ truyền và Phục hồi chức năng tỉnh Khánh Hòa',
    kind: 'provincial_specialised_hospital',
    ownership: 'public',
    ward: 'Phước Tân',
    beds: 90,
    staff: 180,
    doctorRate: 0.18,
    services: [...S.specialised, 'traditional_medicine', 'rehabilitation'],
  },
  {
    code: '56009',
    name: 'Bệnh viện Ung bướu tỉnh Khánh Hòa',
    kind: 'provincial_specialised_hospital',
    ownership: 'public',
    ward: 'Vĩnh Thạnh',
    beds: 100,
    staff: 220,
    doctorRate: 0.22,
    services: [...S.specialised, 'oncology', 'radiotherapy'],
  },
  {
    code: '56010',
    name: 'Trung tâm Kiểm soát bệnh tật tỉnh Khánh Hòa',
    kind: 'preventive_medicine_unit',
    ownership: 'public',
    ward: 'Xương Huân',
    beds: 0,
    staff: 240,
    doctorRate: 0.14,
    services: [...S.preventive, 'outpatient'],
  },
  {
    code: '56011',
    name: 'Trung tâm Kiểm dịch y tế quốc tế tỉnh Khánh Hòa',
    kind: 'preventive_medicine_unit',
    ownership: 'public',
    ward: 'Vĩnh Nguyên',
    beds: 0,
    staff: 45,
    doctorRate: 0.12,
    services: ['border_quarantine', 'immunization'],
  },
  {
    code: '56012',
    name: 'Trung tâm Kiểm nghiệm Thuốc, Mỹ phẩm, Thực phẩm tỉnh Khánh Hòa',
    kind: 'preventive_medicine_unit',
    ownership: 'public',
    ward: 'Phương Sơn',
    beds: 0,
    staff: 40,
    doctorRate: 0.03,
    services: ['laboratory', 'drug_quality_testing'],
  },
  {
    code: '56013',
    name: 'Trung tâm Pháp y tỉnh Khánh Hòa',
    kind: 'preventive_medicine_unit',
    ownership: 'public',
    ward: 'Phước Tiến',
    beds: 0,
    staff: 30,
    doctorRate: 0.3,
    services: ['forensic_medicine'],
  },
  {
    code: '56014',
    name: 'Trung tâm Giám định y khoa tỉnh Khánh Hòa',
    kind: 'preventive_medicine_unit',
    ownership: 'public',
    ward: 'Tân Lập',
    beds: 0,
    staff: 25,
    doctorRate: 0.3,
    services: ['medical_assessment'],
  },
  {
    code: '56015',
    name: 'Trung tâm Cấp cứu 115 Khánh Hòa',
    kind: 'preventive_medicine_unit',
    ownership: 'public',
    ward: 'Vạn Thắng',
    beds: 0,
    staff: 70,
    doctorRate: 0.2,
    services: ['emergency', 'ambulance'],
  },
  {
    code: '56016',
    name: 'Chi cục Dân số - Kế hoạch hóa gia đình tỉnh Khánh Hòa',
    kind: 'preventive_medicine_unit',
    ownership: 'public',
    ward: 'Vạn Thạnh',
    beds: 0,
    staff: 25,
    doctorRate: 0.04,
    services: ['family_planning', 'health_education'],
  },
  {
    code: '56017',
    name: 'Chi cục An toàn vệ sinh thực phẩm tỉnh Khánh Hòa',
    kind: 'preventive_medicine_unit',
    ownership: 'public',
    ward: 'Phước Hải',
    beds: 0,
    staff: 30,
    doctorRate: 0.08,
    services: ['food_safety'],
  },
  {
    code: '56018',
    name: 'Trung tâm Truyền thông - Giáo dục sức khỏe tỉnh Khánh Hòa',
    kind: 'preventive_medicine_unit',
    ownership: 'public',
    ward: 'Ngọc Hiệp',
    beds: 0,
    staff: 20,
    doctorRate: 0.05,
    services: ['health_education'],
  },
  {
    code: '56020',
    name: 'Bệnh viện Quân y 87',
    kind: 'military_hospital',
    ownership: 'military',
    ward: 'Vĩnh Nguyên',
    beds: 110,
    staff: 290,
    doctorRate: 0.22,
    services: S.hospital,
  },
  {
    code: '56021',
    name: 'Bệnh viện Đa khoa Quốc tế Vinmec Nha Trang',
    kind: 'private_hospital',
    ownership: 'private',
    ward: 'Vĩnh Nguyên',
    beds: 80,
    staff: 430,
    doctorRate: 0.18,
    services: [...S.hospital, 'intensive_care'],
  },
  {
    code: '56022',
    name: 'Bệnh viện Đa khoa Tâm Trí Nha Trang',
    kind: 'private_hospital',
    ownership: 'private',
    ward: 'Phước Hòa',
    beds: 70,
    staff: 340,
    doctorRate: 0.18,
    services: S.hospital,
  },
  {
    code: '56023',
    name: 'Bệnh viện Mắt Sài Gòn Nha Trang',
    kind: 'private_hospital',
    ownership: 'private',
    ward: 'Phước Tân',
    beds: 25,
    staff: 110,
    doctorRate: 0.2,
    services: ['outpatient', 'ophthalmology', 'surgery'],
  },
  {
    code: '56024',
    name: 'Bệnh viện Đa khoa Sài Gòn Nha Trang',
    kind: 'private_hospital',
    ownership: 'private',
    ward: 'Phương Sơn',
    beds: 45,
    staff: 210,
    doctorRate: 0.18,
    services: S.hospital,
  },
  {
    code: '56025',
    name: 'Bệnh viện 22-12',
    kind: 'private_hospital',
    ownership: 'private',
    ward: 'Phước Long',
    beds: 30,
    staff: 150,
    doctorRate: 0.2,
    services: S.hospital,
  },
];

/** District health centres: seat commune (default the district's town), beds and relative size. */
const DHC: Record<string, { seat?: string; beds: number; staff: number }> = {
  '568': { seat: 'Phước Tiến', beds: 100, staff: 300 },
  '569': { seat: 'Cam Lộc', beds: 100, staff: 210 },
  '570': { beds: 110, staff: 190 },
  '571': { beds: 140, staff: 225 },
  '572': { seat: 'Ninh Hiệp', beds: 100, staff: 240 },
  '573': { beds: 100, staff: 140 },
  '574': { beds: 130, staff: 220 },
  '575': { beds: 100, staff: 110 },
};

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function near(rng: Rng, lat: number, lon: number, radius = 0.004): [number, number] {
  return [round5(lat + rng.float(-radius, radius)), round5(lon + rng.float(-radius, radius))];
}

/** Picks `count` communes spread evenly over a list (deterministic, no clustering). */
function spreadPick<T>(items: readonly T[], count: number, offset: number): T[] {
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(offset * step + i * step) % items.length]!);
}

/** The lower-case prefix a facility name uses: "Trạm Y tế phường Vĩnh Hải". */
function lowerPrefix(commune: DemoCommune): string {
  return commune.name.slice(0, commune.name.length - commune.shortName.length - 1).toLowerCase();
}

/**
 * The facility network of seed 004: 3 provincial general and 6 specialised hospitals, 9 preventive
 * units, 8 district health centres managing 14 general clinics, 136 commune stations and 15
 * sub-stations, Military Hospital 87 and 5 private hospitals. Managing facilities come first.
 */
export function generateFacilities(rng: Rng, areas: DemoAreas): DemoFacility[] {
  const byName = new Map(areas.communes.map((c) => [c.shortName, c]));
  const out: DemoFacility[] = [];
  for (const p of PROVINCIAL) {
    const commune = byName.get(p.ward);
    if (!commune) throw new Error(`demo: no commune ${p.ward} for ${p.name}`);
    const [latitude, longitude] = near(rng, commune.latitude, commune.longitude);
    out.push({
      code: p.code,
      name: p.name,
      kind: p.kind,
      ownership: p.ownership,
      managingCode: null,
      areaCode: commune.code,
      latitude,
      longitude,
      beds: p.beds,
      services: p.services,
      staffWeight: p.staff,
      doctorRate: p.doctorRate,
    });
  }
  // Per district: the centre first, then what it manages, so a managed row never precedes its manager.
  let clinicSeq = 0;
  let stationSeq = 0;
  let subSeq = 0;
  DISTRICTS.forEach((district, d) => {
    const communes = areas.communes.filter((c) => c.district.code === district.code);
    const spec = DHC[district.code]!;
    const seat =
      communes.find((c) => (spec.seat ? c.shortName === spec.seat : c.type === 'town')) ?? communes[0]!;
    const dhcCode = `560${30 + d}`;
    const [lat, lon] = near(rng, seat.latitude, seat.longitude);
    out.push({
      code: dhcCode,
      name: `Trung tâm Y tế ${district.shortName}`,
      kind: 'district_health_centre',
      ownership: 'public',
      managingCode: null,
      areaCode: seat.code,
      latitude: lat,
      longitude: lon,
      beds: spec.beds,
      services: S.dhc,
      staffWeight: spec.staff,
      doctorRate: 0.17,
    });
    const rural = communes.filter((c) => c.type === 'commune' && c !== seat);
    for (const c of spreadPick(rural, district.generalClinics, 0.5)) {
      const [la, lo] = near(rng, c.latitude, c.longitude);
      out.push({
        code: `560${40 + clinicSeq++}`,
        name: `Phòng khám đa khoa khu vực ${c.shortName}`,
        kind: 'general_clinic',
        ownership: 'public',
        managingCode: dhcCode,
        areaCode: c.code,
        latitude: la,
        longitude: lo,
        beds: rng.int(3, 6),
        services: S.clinic,
        staffWeight: 11,
        doctorRate: 0.22,
      });
    }
    for (const c of communes) {
      const [la, lo] = near(rng, c.latitude, c.longitude, 0.002);
      out.push({
        code: String(56100 + stationSeq++),
        name: `Trạm Y tế ${lowerPrefix(c)} ${c.shortName}`,
        kind: 'commune_health_station',
        ownership: 'public',
        managingCode: dhcCode,
        areaCode: c.code,
        latitude: la,
        longitude: lo,
        beds: rng.chance(0.8) ? 5 : rng.int(6, 8),
        services: c.type === 'ward' ? S.station : [...S.station, 'delivery'],
        staffWeight: 0,
        doctorRate: 0,
      });
    }
    // Sub-stations serve remote villages: the last rural communes of the list, furthest from the seat.
    for (const c of spreadPick(rural, district.subStations, 0.9)) {
      const village = c.villages[c.villages.length - 1]!;
      const [la, lo] = near(rng, village.latitude, village.longitude, 0.002);
      out.push({
        code: String(56240 + subSeq++),
        name: `Điểm trạm y tế ${village.name.replace(/^Thôn /, 'thôn ')}, ${lowerPrefix(c)} ${c.shortName}`,
        kind: 'sub_station',
        ownership: 'public',
        managingCode: dhcCode,
        areaCode: village.code,
        latitude: la,
        longitude: lo,
        beds: rng.int(0, 2),
        services: S.subStation,
        staffWeight: 0,
        doctorRate: 0,
      });
    }
  });
  return out;
}
