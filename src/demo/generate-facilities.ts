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

/**
 * The provincial facilities: code | kind | ownership | ward they stand in (commune names are unique in
 * the province) | beds | relative staff size | share of doctors | name | services (`@set` expands a
 * set of S).
 */
const PROVINCIAL_TABLE = `
56001 | provincial_general_hospital     | public   | Lộc Thọ     | 1200 | 1550 | 0.2  | Bệnh viện Đa khoa tỉnh Khánh Hòa | @hospital;intensive_care;oncology
56002 | provincial_general_hospital     | public   | Ninh Hiệp   |  130 |  280 | 0.2  | Bệnh viện Đa khoa khu vực Ninh Hòa | @hospital
56003 | provincial_general_hospital     | public   | Cam Lộc     |  120 |  260 | 0.2  | Bệnh viện Đa khoa khu vực Cam Ranh | @hospital
56004 | provincial_specialised_hospital | public   | Phước Hòa   |  100 |  210 | 0.22 | Bệnh viện Nhi tỉnh Khánh Hòa | @specialised;emergency;paediatrics
56005 | provincial_specialised_hospital | public   | Phước Đồng  |   70 |  130 | 0.18 | Bệnh viện Lao và Bệnh phổi tỉnh Khánh Hòa | @specialised;tuberculosis
56006 | provincial_specialised_hospital | public   | Phương Sài  |   20 |   60 | 0.22 | Bệnh viện Da liễu tỉnh Khánh Hòa | outpatient;dermatology;laboratory
56007 | provincial_specialised_hospital | public   | Vĩnh Thái   |   70 |  140 | 0.16 | Bệnh viện Tâm thần tỉnh Khánh Hòa | @specialised;mental_health
56008 | provincial_specialised_hospital | public   | Phước Tân   |   90 |  180 | 0.18 | Bệnh viện Y học cổ truyền và Phục hồi chức năng tỉnh Khánh Hòa | @specialised;traditional_medicine;rehabilitation
56009 | provincial_specialised_hospital | public   | Vĩnh Thạnh  |  100 |  220 | 0.22 | Bệnh viện Ung bướu tỉnh Khánh Hòa | @specialised;oncology;radiotherapy
56010 | preventive_medicine_unit        | public   | Xương Huân  |    0 |  240 | 0.14 | Trung tâm Kiểm soát bệnh tật tỉnh Khánh Hòa | @preventive;outpatient
56011 | preventive_medicine_unit        | public   | Vĩnh Nguyên |    0 |   45 | 0.12 | Trung tâm Kiểm dịch y tế quốc tế tỉnh Khánh Hòa | border_quarantine;immunization
56012 | preventive_medicine_unit        | public   | Phương Sơn  |    0 |   40 | 0.03 | Trung tâm Kiểm nghiệm Thuốc, Mỹ phẩm, Thực phẩm tỉnh Khánh Hòa | laboratory;drug_quality_testing
56013 | preventive_medicine_unit        | public   | Phước Tiến  |    0 |   30 | 0.3  | Trung tâm Pháp y tỉnh Khánh Hòa | forensic_medicine
56014 | preventive_medicine_unit        | public   | Tân Lập     |    0 |   25 | 0.3  | Trung tâm Giám định y khoa tỉnh Khánh Hòa | medical_assessment
56015 | preventive_medicine_unit        | public   | Vạn Thắng   |    0 |   70 | 0.2  | Trung tâm Cấp cứu 115 Khánh Hòa | emergency;ambulance
56016 | preventive_medicine_unit        | public   | Vạn Thạnh   |    0 |   25 | 0.04 | Chi cục Dân số - Kế hoạch hóa gia đình tỉnh Khánh Hòa | family_planning;health_education
56017 | preventive_medicine_unit        | public   | Phước Hải   |    0 |   30 | 0.08 | Chi cục An toàn vệ sinh thực phẩm tỉnh Khánh Hòa | food_safety
56018 | preventive_medicine_unit        | public   | Ngọc Hiệp   |    0 |   20 | 0.05 | Trung tâm Truyền thông - Giáo dục sức khỏe tỉnh Khánh Hòa | health_education
56020 | military_hospital               | military | Vĩnh Nguyên |  110 |  290 | 0.22 | Bệnh viện Quân y 87 | @hospital
56021 | private_hospital                | private  | Vĩnh Nguyên |   80 |  430 | 0.18 | Bệnh viện Đa khoa Quốc tế Vinmec Nha Trang | @hospital;intensive_care
56022 | private_hospital                | private  | Phước Hòa   |   70 |  340 | 0.18 | Bệnh viện Đa khoa Tâm Trí Nha Trang | @hospital
56023 | private_hospital                | private  | Phước Tân   |   25 |  110 | 0.2  | Bệnh viện Mắt Sài Gòn Nha Trang | outpatient;ophthalmology;surgery
56024 | private_hospital                | private  | Phương Sơn  |   45 |  210 | 0.18 | Bệnh viện Đa khoa Sài Gòn Nha Trang | @hospital
56025 | private_hospital                | private  | Phước Long  |   30 |  150 | 0.2  | Bệnh viện 22-12 | @hospital
`;

const PROVINCIAL = PROVINCIAL_TABLE.trim()
  .split('\n')
  .map((line) => {
    const c = line.split('|').map((cell) => cell.trim());
    return {
      code: c[0]!,
      kind: c[1]!,
      ownership: c[2] as DemoOwnership,
      ward: c[3]!,
      beds: Number(c[4]),
      staff: Number(c[5]),
      doctorRate: Number(c[6]),
      name: c[7]!,
      services: c[8]!.split(';').flatMap((x) => (x.startsWith('@') ? S[x.slice(1) as keyof typeof S] : [x])),
    };
  });

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
