/**
 * The shape of the Chinese demo county: Xishui County (习水县), Zunyi (遵义市), Guizhou (贵州省), as
 * seed 001 names it (about 500,000 people; 1,200 health technician posts added since 2016). The
 * province, prefecture and county codes are the real ones (52, 5203, 520330). Township names are the
 * county's as best known (subdistricts 街道, towns 镇, townships 乡); their 9-digit codes follow the
 * national pattern (街道 0xx, 镇 1xx, 乡 2xx) but are not checked against the official list, nor are
 * the populations, spread to add up to about 500,000. Positions are rough: the county town in the
 * middle, Tucheng west, Wenshui east.
 */

export type TownshipType = 'subdistrict' | 'town' | 'township';

export interface TownshipSpec {
  code: string;
  /** The name without its suffix: 东皇, 土城. */
  shortName: string;
  type: TownshipType;
  /** Population at the end of 2023. */
  population2023: number;
  /** Offset from the county centre in degrees [lat, lon]. */
  offset: [number, number];
  /** A central township health centre (中心卫生院): more beds and staff. */
  central?: boolean;
}

export const PROVINCE = { code: '52', name: '贵州省', centre: [26.6, 106.7] as [number, number] };
export const PREFECTURE = { code: '5203', name: '遵义市', centre: [27.7, 106.9] as [number, number] };
export const COUNTY = {
  code: '520330',
  name: '习水县',
  centre: [28.33, 106.2] as [number, number],
  /** The county's population: seed 001, "about 500,000". */
  population: 500_000,
};

/** The suffix each type of township carries in its name. */
export const TOWNSHIP_SUFFIX: Record<TownshipType, string> = {
  subdistrict: '街道',
  town: '镇',
  township: '乡',
};

const s = (code: string, shortName: string, population2023: number, offset: [number, number]) => ({
  code,
  shortName,
  type: 'subdistrict' as const,
  population2023,
  offset,
});
const t = (
  code: string,
  shortName: string,
  population2023: number,
  offset: [number, number],
  central = false,
): TownshipSpec => ({ code, shortName, type: 'town', population2023, offset, central });
const x = (code: string, shortName: string, population2023: number, offset: [number, number]) => ({
  code,
  shortName,
  type: 'township' as const,
  population2023,
  offset,
});

/** The county's subdistricts, towns and townships, in code order. */
export const TOWNSHIPS: TownshipSpec[] = [
  s('520330001', '东皇', 62_000, [0.0, 0.0]),
  s('520330002', '九龙', 38_000, [0.03, -0.03]),
  s('520330003', '杏坛', 34_000, [-0.03, 0.02]),
  s('520330004', '西城', 30_000, [0.01, -0.06]),
  t('520330101', '土城', 30_000, [0.02, -0.38], true),
  t('520330102', '同民', 16_000, [0.14, -0.2]),
  t('520330103', '醒民', 14_000, [0.2, -0.1]),
  t('520330104', '程寨', 12_500, [-0.12, 0.09]),
  t('520330105', '隆兴', 15_000, [-0.05, 0.26]),
  t('520330106', '温水', 26_000, [0.1, 0.33], true),
  t('520330107', '习酒', 20_000, [0.24, -0.42]),
  t('520330108', '回龙', 13_000, [-0.26, 0.1]),
  t('520330109', '桑木', 16_000, [-0.2, -0.05]),
  t('520330110', '永安', 14_000, [-0.32, -0.02]),
  t('520330111', '良村', 24_000, [-0.15, -0.2], true),
  t('520330112', '官店', 12_000, [0.3, 0.05]),
  t('520330113', '寨坝', 15_000, [-0.09, -0.1]),
  t('520330114', '民化', 11_000, [-0.22, 0.28]),
  t('520330115', '二郎', 18_000, [0.32, -0.3], true),
  t('520330116', '二里', 11_000, [0.07, 0.16]),
  t('520330117', '三岔河', 11_000, [-0.38, 0.18]),
  t('520330118', '大坡', 10_000, [0.22, 0.18]),
  t('520330119', '桃林', 10_000, [0.12, 0.45]),
  t('520330120', '仙源', 7_500, [0.38, 0.3]),
  x('520330201', '双龙', 5_000, [-0.3, 0.4]),
  x('520330202', '坭坝', 5_000, [-0.42, -0.15]),
];

/**
 * The township whose whole population the demo registers: 程寨镇, a rural town near the county town.
 * The `station` login is its township health centre; `vhw` is the village doctor of its first village.
 */
export const DEMO_TOWNSHIP = '520330104';

/** Village (村) names of the rural townships, besides the communities (社区) of their seats. */
export const VILLAGE_NAMES =
  '红星,大坝,新华,团结,桂花,龙井,石门,青杠,枫香,民主,和平,光明,向阳,金竹,白岩,杉木,长嵌,中坪,高峰,水口,联合,双河,岩寨,马鞍,茶园,东风,五星,龙塘,黄金,三星,洞坪,偏岩,田坝,凉风,红岩,箐口'.split(
    ',',
  );

/** Community (社区) names of the county town's subdistricts. */
export const COMMUNITY_NAMES =
  '南门,北街,城东,城西,滨河,红旗,文化,新街,鳛国,龙泉,花园,沿江,西苑,东山,阳光,荷花'.split(',');

/** Why a demo centre does not offer a standard service, or stopped (capabilities), in Chinese. */
export const CAPABILITY_WORDS = {
  notOfferedReasons: ['缺少专业技术人员', '设备不足', '未取得执业资质', '未开展相关培训', '患者多去县医院'],
  stoppedReasons: ['医师调离', '设备损坏待修', '助产士退休'],
};

/** The reasons a demo visit gives (encounters), in Chinese. */
export const VISIT_REASONS = {
  hypertension: '高血压随访，取药',
  diabetes: '糖尿病随访',
  fever: '发热、咳嗽、咽痛',
  diarrhoea: '腹泻',
  pregnancy: '产前检查',
};
