/**
 * The shape of the demo province: Khánh Hòa before the 2025 reform, as seed 004 describes it.
 * District names and GSO codes are the real ones (Trường Sa, 576, is left out: no commune stations
 * of the kind the demo shows). Commune names are the real ones of each district; their 5-digit codes
 * follow the GSO numbering order and range (22xxx) but are not checked against the official list.
 * Centres and spreads are rough real positions: the coastal districts east, Khánh Vĩnh and
 * Khánh Sơn west in the mountains.
 */

export type CommuneType = 'ward' | 'town' | 'commune';

export interface DistrictSpec {
  code: string;
  name: string;
  /** The name used in facility names: "thành phố Nha Trang", "huyện Cam Lâm" ... */
  shortName: string;
  centre: [lat: number, lon: number];
  /** Half-extent of the area the communes are spread over, in degrees. */
  spread: [lat: number, lon: number];
  /** Population of the district's communes in 2023 (about the 2019 census, grown). */
  population2023: number;
  /** Mountainous districts: bigger villages apart, minority names, sub-stations. */
  mountainous: boolean;
  /** Where the first code of the district's communes starts; codes step by 3 as GSO's do. */
  firstCommuneCode: number;
  /** Communes as "w:Name", "t:Name" or "c:Name" (ward, town, commune), in GSO order. */
  communes: string[];
  /** How many general clinics (phòng khám đa khoa khu vực) the district health centre manages. */
  generalClinics: number;
  /** How many sub-stations (điểm trạm y tế) it manages. */
  subStations: number;
}

export const PROVINCE = {
  code: '56',
  name: 'Tỉnh Khánh Hòa',
  shortName: 'Khánh Hòa',
  centre: [12.26, 109.05] as [number, number],
};

const w = (names: string) => names.split(',').map((n) => `w:${n}`);
const c = (names: string) => names.split(',').map((n) => `c:${n}`);
const t = (name: string) => [`t:${name}`];

export const DISTRICTS: DistrictSpec[] = [
  {
    code: '568',
    name: 'Thành phố Nha Trang',
    shortName: 'thành phố Nha Trang',
    centre: [12.245, 109.17],
    spread: [0.08, 0.04],
    population2023: 413_000,
    mountainous: false,
    firstCommuneCode: 22333,
    communes: [
      ...w(
        'Vĩnh Hòa,Vĩnh Hải,Vĩnh Phước,Ngọc Hiệp,Vĩnh Thọ,Xương Huân,Vạn Thắng,Vạn Thạnh,Phương Sài,Phương Sơn,Phước Hải,Phước Tân,Lộc Thọ,Phước Tiến,Tân Lập,Phước Hòa,Vĩnh Nguyên,Phước Long,Vĩnh Trường',
      ),
      ...c('Vĩnh Lương,Vĩnh Phương,Vĩnh Ngọc,Vĩnh Thạnh,Vĩnh Trung,Vĩnh Hiệp,Vĩnh Thái,Phước Đồng'),
    ],
    generalClinics: 1,
    subStations: 2,
  },
  {
    code: '569',
    name: 'Thành phố Cam Ranh',
    shortName: 'thành phố Cam Ranh',
    centre: [11.93, 109.15],
    spread: [0.1, 0.05],
    population2023: 124_000,
    mountainous: false,
    firstCommuneCode: 22420,
    communes: [
      ...w('Cam Nghĩa,Cam Phúc Bắc,Cam Phúc Nam,Cam Lộc,Cam Phú,Ba Ngòi,Cam Thuận,Cam Lợi,Cam Linh'),
      ...c('Cam Thành Nam,Cam Phước Đông,Cam Thịnh Tây,Cam Thịnh Đông,Cam Lập,Cam Bình'),
    ],
    generalClinics: 2,
    subStations: 1,
  },
  {
    code: '570',
    name: 'Huyện Cam Lâm',
    shortName: 'huyện Cam Lâm',
    centre: [12.08, 109.1],
    spread: [0.08, 0.07],
    population2023: 104_000,
    mountainous: false,
    firstCommuneCode: 22468,
    communes: [
      ...t('Cam Đức'),
      ...c(
        'Cam Tân,Cam Hòa,Cam Hải Đông,Cam Hải Tây,Sơn Tân,Cam Hiệp Bắc,Cam Hiệp Nam,Cam Phước Tây,Cam Thành Bắc,Cam An Bắc,Cam An Nam,Suối Cát,Suối Tân',
      ),
    ],
    generalClinics: 2,
    subStations: 1,
  },
  {
    code: '571',
    name: 'Huyện Vạn Ninh',
    shortName: 'huyện Vạn Ninh',
    centre: [12.68, 109.22],
    spread: [0.12, 0.07],
    population2023: 127_000,
    mountainous: false,
    firstCommuneCode: 22513,
    communes: [
      ...t('Vạn Giã'),
      ...c(
        'Đại Lãnh,Vạn Phước,Vạn Long,Vạn Bình,Vạn Thọ,Vạn Khánh,Vạn Phú,Vạn Lương,Vạn Thắng,Vạn Thạnh,Xuân Sơn,Vạn Hưng',
      ),
    ],
    generalClinics: 2,
    subStations: 2,
  },
  {
    code: '572',
    name: 'Thị xã Ninh Hòa',
    shortName: 'thị xã Ninh Hòa',
    centre: [12.5, 109.09],
    spread: [0.11, 0.1],
    population2023: 226_000,
    mountainous: false,
    firstCommuneCode: 22552,
    communes: [
      ...w('Ninh Hiệp,Ninh Đa,Ninh Giang,Ninh Hà,Ninh Diêm,Ninh Hải,Ninh Thủy'),
      ...c(
        'Ninh Sơn,Ninh Tây,Ninh Thượng,Ninh An,Ninh Thọ,Ninh Trung,Ninh Sim,Ninh Xuân,Ninh Thân,Ninh Đông,Ninh Phú,Ninh Phụng,Ninh Bình,Ninh Phước,Ninh Vân,Ninh Hưng,Ninh Quang,Ninh Lộc,Ninh Ích,Ninh Tân',
      ),
    ],
    generalClinics: 3,
    subStations: 2,
  },
  {
    code: '573',
    name: 'Huyện Khánh Vĩnh',
    shortName: 'huyện Khánh Vĩnh',
    centre: [12.29, 108.87],
    spread: [0.12, 0.11],
    population2023: 39_000,
    mountainous: true,
    firstCommuneCode: 22636,
    communes: [
      ...t('Khánh Vĩnh'),
      ...c(
        'Khánh Bình,Khánh Đông,Khánh Hiệp,Khánh Nam,Khánh Phú,Khánh Thành,Khánh Thượng,Khánh Trung,Sông Cầu,Giang Ly,Cầu Bà,Liên Sang,Sơn Thái',
      ),
    ],
    generalClinics: 1,
    subStations: 3,
  },
  {
    code: '574',
    name: 'Huyện Diên Khánh',
    shortName: 'huyện Diên Khánh',
    centre: [12.26, 109.06],
    spread: [0.05, 0.06],
    population2023: 140_000,
    mountainous: false,
    firstCommuneCode: 22681,
    communes: [
      ...t('Diên Khánh'),
      ...c(
        'Diên Lâm,Diên Điền,Diên Xuân,Diên Sơn,Diên Đồng,Diên Phú,Diên Thọ,Diên Phước,Diên Lạc,Diên Tân,Diên Hòa,Diên Thạnh,Diên Toàn,Diên An,Diên Bình,Suối Hiệp,Suối Tiên',
      ),
    ],
    generalClinics: 2,
    subStations: 1,
  },
  {
    code: '575',
    name: 'Huyện Khánh Sơn',
    shortName: 'huyện Khánh Sơn',
    centre: [12.02, 108.91],
    spread: [0.07, 0.06],
    population2023: 25_500,
    mountainous: true,
    firstCommuneCode: 22738,
    communes: [...t('Tô Hạp'), ...c('Ba Cụm Bắc,Ba Cụm Nam,Sơn Bình,Sơn Hiệp,Sơn Lâm,Sơn Trung,Thành Sơn')],
    generalClinics: 1,
    subStations: 3,
  },
];

/** The area name prefix of a commune type. */
export const COMMUNE_PREFIX: Record<CommuneType, string> = {
  ward: 'Phường',
  town: 'Thị trấn',
  commune: 'Xã',
};

/** Village names ("thôn") used in rural communes, besides numbered ones. */
export const VILLAGE_NAMES =
  'Phú Hòa,Tân Phú,Đông Hòa,Tây Sơn,Phước Lộc,Xuân Lạc,Mỹ Lợi,Bình Tây,Vĩnh Xuân,Hòa Bình,Tân Hưng,Phú Thạnh,Đông Bắc,Tây Nam,Lương Sơn,Tân Mỹ,Thành Phát,Phước Lương,Hội Bình,An Định,Quảng Phước,Xuân Ninh,Mỹ Thanh,Đắc Lộc,Trường Đông,Phú Nông'.split(
    ',',
  );

/** Village names in the mountainous districts (Raglai hamlets keep their own names). */
export const MOUNTAIN_VILLAGE_NAMES =
  'Tà Gộc,Xóm Cỏ,Ma O,Đa Râm,Tà Lương,A Xay,Hòn Gầm,Suối Khiết,Nước Nhĩ,Cam Khánh,Chi Chay,Ka Tơ,Dốc Gạo,Suối Đá,Hòn Dung,Đá Bàn,Ba Dùi,Tà Giang'.split(
    ',',
  );

/** Why a demo station does not offer a standard service, or stopped (capabilities), in Vietnamese. */
export const CAPABILITY_WORDS = {
  notOfferedReasons: [
    'Chưa có nhân lực được đào tạo',
    'Thiếu trang thiết bị',
    'Chưa có bác sĩ',
    'Chưa có nữ hộ sinh',
    'Người dân lên tuyến huyện',
  ],
  stoppedReasons: ['Nữ hộ sinh nghỉ hưu', 'Máy hỏng chưa được sửa', 'Bác sĩ chuyển công tác'],
};

/** The reasons a demo visit gives (encounters), in Vietnamese. */
export const VISIT_REASONS = {
  hypertension: 'Tái khám tăng huyết áp, lĩnh thuốc',
  diabetes: 'Tái khám đái tháo đường',
  fever: 'Sốt, ho, đau họng',
  diarrhoea: 'Tiêu chảy',
  pregnancy: 'Khám thai định kỳ',
};
