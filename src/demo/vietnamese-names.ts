import { type Rng, type WeightedTable, weightedTable } from './random.ts';

/**
 * Vietnamese personal names with realistic frequencies, for demo workers and (later) 1.2 million
 * demo residents. Family names follow the published shares (Nguyễn about 38%, Trần 11%, Lê 9.5%,
 * then Phạm, Huỳnh/Hoàng, Phan, Võ/Vũ ...; the south-central coast has more Huỳnh and Võ than the
 * north). Middle names: Văn dominates for men, Thị for women. Given names follow a skewed
 * (Zipf-like) curve, so common names such as "Nguyễn Văn An" occur hundreds of times in a province,
 * as they do in real registries: name search must cope with that.
 *
 * Tables are prepared once at module load; a draw is a few binary searches and one string concat.
 */

export type Sex = 'male' | 'female';

const FAMILY: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 6.5],
  ['Huỳnh', 3.6],
  ['Hoàng', 1.5],
  ['Phan', 4.2],
  ['Võ', 3.2],
  ['Vũ', 1.1],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.4],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.8],
  ['Trương', 0.9],
  ['Đoàn', 0.7],
  ['Lâm', 0.5],
  ['Mai', 0.5],
  ['Trịnh', 0.4],
  ['Cao', 0.5],
  ['Lương', 0.4],
  ['Hà', 0.4],
  ['Châu', 0.3],
  ['Thái', 0.3],
  ['Tô', 0.2],
  ['Tạ', 0.2],
  ['Đào', 0.5],
  ['Văn', 0.2],
  ['Kiều', 0.1],
  ['Lưu', 0.3],
  ['Quách', 0.1],
  ['Phùng', 0.3],
  ['Triệu', 0.2],
  ['Tăng', 0.3],
  ['Lại', 0.3],
  ['Chu', 0.3],
  ['Giang', 0.2],
  ['Nông', 0.2],
  ['Từ', 0.2],
  ['Tôn', 0.2],
  ['Diệp', 0.2],
  ['La', 0.2],
  ['Hứa', 0.2],
  ['Thân', 0.2],
  ['Âu', 0.2],
  ['Ông', 0.2],
  ['Quan', 0.2],
  ['Khổng', 0.1],
  ['Doãn', 0.1],
  ['Bạch', 0.1],
  ['Nghiêm', 0.1],
  ['Kha', 0.1],
];

/** Raglai and other minority family names of western Khánh Hòa (Khánh Sơn, Khánh Vĩnh). */
const FAMILY_MINORITY: [string, number][] = [
  ['Mấu', 20],
  ['Bo Bo', 16],
  ['Pi Năng', 14],
  ['Katơr', 10],
  ['Cao', 12],
  ['Chamaléa', 10],
  ['Tro', 6],
  ['Ma', 6],
  ['Pinăng', 4],
  ['Lê', 2],
];

const MIDDLE_MALE: [string, number][] = [
  ['Văn', 45],
  ['Minh', 8],
  ['Hữu', 6],
  ['Đức', 6],
  ['Thanh', 5],
  ['Quốc', 4],
  ['Công', 4],
  ['Đình', 4],
  ['Quang', 4],
  ['Tấn', 4],
  ['Ngọc', 3],
  ['Xuân', 3],
  ['Trọng', 2],
  ['Anh', 2],
  ['Hoàng', 2],
  ['Thành', 2],
  ['Nhật', 1.5],
  ['Gia', 1.5],
  ['Bá', 1],
  ['Viết', 1],
  ['Duy', 1],
  ['Trung', 1],
];

const MIDDLE_FEMALE: [string, number][] = [
  ['Thị', 55],
  ['Ngọc', 8],
  ['Thanh', 6],
  ['Thu', 5],
  ['Kim', 4],
  ['Hồng', 3],
  ['Minh', 3],
  ['Thùy', 3],
  ['Mỹ', 3],
  ['Phương', 2],
  ['Bích', 2],
  ['Hoài', 2],
  ['Khánh', 1],
  ['Bảo', 1],
  ['Diệu', 1],
  ['Cẩm', 1],
  ['Quỳnh', 1],
];

/** Second middle syllables after Thị/Văn ("Nguyễn Thị Thu Hà", "Trần Văn Minh Tuấn"). */
const SECOND_MIDDLE_FEMALE = ['Thu', 'Ngọc', 'Thanh', 'Kim', 'Hồng', 'Mỹ', 'Bích', 'Thùy', 'Minh', 'Phương'];
const SECOND_MIDDLE_MALE = ['Minh', 'Quốc', 'Thanh', 'Ngọc', 'Hoàng', 'Anh', 'Đức', 'Tấn'];

// Given names in rough order of frequency; weights fall off as 1 / (rank + 8)^0.8 (a flattened Zipf
// curve: the commonest given name is about 4%, the tenth about 2.3%).
const GIVEN_MALE = list(
  'Anh,Hùng,Dũng,Tuấn,Minh,Nam,Hải,Long,Quang,Cường,Bình,Hiếu,Huy,Phong,Sơn,Thành,Trung,Tùng,Việt,An,Vinh,Khoa,Đạt,Hòa,Hưng,Phúc,Tâm,Thắng,Toàn,Lâm,Lộc,Khánh,Tài,Thịnh,Trí,Tín,Nhân,Đức,Hậu,Kiên,Nghĩa,Phát,Quân,Tân,Thái,Thuận,Vũ,Bảo,Duy,Hoàng,Lực,Tú,Châu,Đông,Hiển,Khải,Lợi,Mạnh,Nguyên,Phước,Sang,Thanh,Thiện,Tiến,Trọng,Tuấn Anh,Vương,Xuân,Định,Hạnh',
);
const GIVEN_FEMALE = list(
  'Anh,Linh,Trang,Hương,Hà,Lan,Mai,Thảo,Phương,Ngọc,Nga,Vân,Yến,Hằng,Hạnh,Hoa,Huyền,Nhung,Oanh,Loan,Thủy,Trinh,Uyên,Vy,Tuyết,Hiền,Dung,Hồng,Liên,Nhi,Quyên,Tâm,Thư,Trâm,My,Ngân,Nhàn,Diễm,Duyên,Giang,Hậu,Hòa,Châu,Thanh,Thúy,Xuân,Lý,Ly,Nhã,Phượng,Quỳnh,Sương,Tiên,Trúc,Vi,Như,Hậu,Kiều,Lệ,Mỹ',
);
/** Given names common among Raglai people (used with the minority family names). */
const GIVEN_MINORITY_MALE = ['Thanh', 'Hùng', 'Đức', 'Minh', 'Sang', 'Tâm', 'Hiền', 'Bảo', 'Dũng', 'Tuấn'];
const GIVEN_MINORITY_FEMALE = [
  'Thị Hoa',
  'Thị Nguyệt',
  'Thị Lan',
  'Thị Bé',
  'Thị Mai',
  'Thị Hương',
  'Thị Hà',
];

/** A comma-separated list of names (keeps long tables readable and compact). */
function list(names: string): string[] {
  return names.split(',');
}

function zipf(names: readonly string[], exponent = 0.8, shift = 8): WeightedTable<string> {
  // Duplicates in the lists are fine: they just add weight to that name.
  return weightedTable(names.map((n, i) => [n, 1 / (i + 1 + shift) ** exponent] as const));
}

const TABLES = {
  family: weightedTable(FAMILY),
  familyMinority: weightedTable(FAMILY_MINORITY),
  middle: { male: weightedTable(MIDDLE_MALE), female: weightedTable(MIDDLE_FEMALE) },
  given: { male: zipf(GIVEN_MALE), female: zipf(GIVEN_FEMALE) },
  givenMinority: { male: zipf(GIVEN_MINORITY_MALE, 0.5, 0), female: zipf(GIVEN_MINORITY_FEMALE, 0.5, 0) },
};

/** Options for one name draw. */
export interface NameOptions {
  /** Draw from the minority (Raglai) name tables instead of the Kinh ones. */
  minority?: boolean;
}

/** A family name with its national frequency. */
export function randomFamilyName(rng: Rng): string {
  return rng.weighted(TABLES.family);
}

/** A given name (the last word, which carries most of a Vietnamese name's information). */
export function randomGivenName(rng: Rng, sex: Sex): string {
  return rng.weighted(TABLES.given[sex]);
}

/**
 * A full name: family, middle, given ("Nguyễn Văn An", "Trần Thị Thu Hà", "Mấu Thị Hoa").
 *
 * @example
 * const rng = new Rng(42);
 * randomFullName(rng, 'female'); // e.g. 'Lê Thị Ngọc Trâm'
 */
export function randomFullName(rng: Rng, sex: Sex, options?: NameOptions): string {
  if (options?.minority) {
    const family = rng.weighted(TABLES.familyMinority);
    const given = rng.weighted(TABLES.givenMinority[sex]);
    return sex === 'male' ? `${family} Văn ${given}` : `${family} ${given}`;
  }
  const family = rng.weighted(TABLES.family);
  const middle = rng.weighted(TABLES.middle[sex]);
  const given = rng.weighted(TABLES.given[sex]);
  // Women named Thị often carry a second middle name; men named Văn, less often.
  if (middle === 'Thị' && rng.chance(0.22)) {
    return `${family} ${middle} ${rng.pick(SECOND_MIDDLE_FEMALE)} ${given}`;
  }
  if (middle === 'Văn' && rng.chance(0.06)) {
    return `${family} ${middle} ${rng.pick(SECOND_MIDDLE_MALE)} ${given}`;
  }
  return `${family} ${middle} ${given}`;
}

/** The expected share of each family name (for tests and for checking a generated population). */
export function familyNameShares(): Map<string, number> {
  const t = TABLES.family;
  return new Map(t.items.map((name, i) => [name, (t.cumulative[i]! - (t.cumulative[i - 1] ?? 0)) / t.total]));
}
