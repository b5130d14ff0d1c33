import type { ProgrammeKind } from './programmes.enums.ts';

/**
 * The programme figures, declared once: each figure's id, its programme kind and its definition in
 * the three languages (the answer carries it, so a reader of a figure reads what it counts). The
 * counting is in figures.rules.ts (what is decided) and figures.queries.ts (what is read); the
 * definitions follow Simple's dashboard and WHO HEARTS (../shared/reference/programmes.md) for
 * hypertension and diabetes. "The last three months" are the period's last three calendar months up
 * to its end (or today, for a period not over yet); "registered" means an active problem on the
 * list (hypertension I10-I15, diabetes E11.*) with its onset before those three months. A visit is
 * any visit of the resident (station, home, outreach, teleconsultation) the caller's scope sees.
 * No imports but a type: the web app bundles it.
 */

export const FIGURE_IDS = [
  'hypertension-registered',
  'hypertension-new',
  'hypertension-under-care',
  'hypertension-controlled',
  'hypertension-uncontrolled',
  'hypertension-visit-no-reading',
  'hypertension-missed-visit',
  'hypertension-lost-to-follow-up',
  'diabetes-registered',
  'diabetes-new',
  'diabetes-under-care',
  'diabetes-controlled',
  'diabetes-uncontrolled',
  'diabetes-visit-no-reading',
  'diabetes-missed-visit',
  'diabetes-lost-to-follow-up',
  'hypertension-returned-after-call',
  'diabetes-returned-after-call',
  'immunization-bcg',
  'immunization-dtp1',
  'immunization-dtp3',
  'immunization-mcv1',
  'immunization-fully-immunized',
  'immunization-dtp-dropout',
  'antenatal-first-trimester',
  'antenatal-four-contacts',
  'postnatal-within-week',
  'elderly-check',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export interface FigureDefinition {
  kind: ProgrammeKind;
  en: string;
  vi: string;
  zh: string;
}

/** The two chronic programmes' figures are the same words about another condition and reading. */
function ncd(kind: 'hypertension' | 'diabetes'): Record<string, FigureDefinition> {
  const htn = kind === 'hypertension';
  const c = htn
    ? { en: 'hypertension (I10-I15)', vi: 'tăng huyết áp (I10-I15)', zh: '高血压 (I10-I15)' }
    : { en: 'type 2 diabetes (E11.*)', vi: 'đái tháo đường típ 2 (E11.*)', zh: '2型糖尿病 (E11.*)' };
  const reading = htn
    ? { en: 'blood pressure', vi: 'huyết áp', zh: '血压' }
    : { en: 'glucose or HbA1c reading', vi: 'kết quả đường huyết hoặc HbA1c', zh: '血糖或糖化血红蛋白结果' };
  const target = htn
    ? { en: 'below 140/90 mmHg', vi: 'dưới 140/90 mmHg', zh: '低于 140/90 mmHg' }
    : {
        en: 'fasting glucose below 7.0 mmol/L, random glucose below 11.1 mmol/L or HbA1c below 7.0% (HbA1c first, then fasting, when one visit has several)',
        vi: 'đường huyết lúc đói dưới 7,0 mmol/L, đường huyết bất kỳ dưới 11,1 mmol/L hoặc HbA1c dưới 7,0% (cùng một lần khám có nhiều kết quả: HbA1c trước, rồi lúc đói)',
        zh: '空腹血糖低于 7.0 mmol/L、随机血糖低于 11.1 mmol/L 或糖化血红蛋白低于 7.0%（同一次就诊有多项时先看糖化血红蛋白，再看空腹血糖）',
      };
  const underCare = {
    en: `Patients under care registered before the last three months (the denominator)`,
    vi: `trong số bệnh nhân đang được quản lý đăng ký trước ba tháng gần nhất (mẫu số)`,
    zh: `（分母：近三个月之前登记、仍在管理中的患者）`,
  };
  return {
    [`${kind}-registered`]: {
      kind,
      en: `Registered: residents of the area with ${c.en} active on their problem list, its onset before the last three months of the period.`,
      vi: `Đã đăng ký: người dân của địa bàn có ${c.vi} đang hoạt động trong danh sách bệnh, khởi phát trước ba tháng cuối của kỳ.`,
      zh: `已登记：本地区居民问题清单上有仍在进行的${c.zh}，起病日期在本期最后三个月之前。`,
    },
    [`${kind}-new`]: {
      kind,
      en: `Newly registered: residents of the area whose ${c.en} has its onset within the period.`,
      vi: `Đăng ký mới: người dân của địa bàn có ${c.vi} khởi phát trong kỳ.`,
      zh: `新登记：本期内起病的${c.zh}居民。`,
    },
    [`${kind}-under-care`]: {
      kind,
      en: 'Under care: registered, alive and living in the area at the end of the period (not deceased or moved away by then), with a visit in the last twelve months. Rate over registered.',
      vi: 'Đang được quản lý: đã đăng ký, còn sống và còn cư trú tại địa bàn vào cuối kỳ (chưa tử vong hay chuyển đi), có ít nhất một lần khám trong mười hai tháng gần nhất. Tỷ lệ trên số đã đăng ký.',
      zh: '管理中：已登记，期末仍在世且居住在本地区（未死亡、未迁出），近十二个月内至少就诊一次。比例以已登记人数为分母。',
    },
    [`${kind}-controlled`]: {
      kind,
      en: `Controlled: the latest ${reading.en} in the last three months is ${target.en}. ${underCare.en}.`,
      vi: `Kiểm soát: ${reading.vi} gần nhất trong ba tháng gần nhất ${target.vi}, ${underCare.vi}.`,
      zh: `控制达标：近三个月内最近一次${reading.zh}${target.zh}${underCare.zh}。`,
    },
    [`${kind}-uncontrolled`]: {
      kind,
      en: `Not controlled: the latest ${reading.en} in the last three months is not ${target.en}. ${underCare.en}.`,
      vi: `Chưa kiểm soát: ${reading.vi} gần nhất trong ba tháng gần nhất không ${target.vi}, ${underCare.vi}.`,
      zh: `未控制：近三个月内最近一次${reading.zh}未达到${target.zh}${underCare.zh}。`,
    },
    [`${kind}-visit-no-reading`]: {
      kind,
      en: `Visited, no ${reading.en}: a visit in the last three months but no ${reading.en} recorded in them. ${underCare.en}.`,
      vi: `Có khám, không có ${reading.vi}: có khám trong ba tháng gần nhất nhưng không ghi ${reading.vi}, ${underCare.vi}.`,
      zh: `就诊但无${reading.zh}：近三个月内就诊过，但未记录${reading.zh}${underCare.zh}。`,
    },
    [`${kind}-missed-visit`]: {
      kind,
      en: `Missed visits: no visit in the last three months (but one in the last twelve). ${underCare.en}. Controlled, not controlled, visited without a reading and missed visits add up to it.`,
      vi: `Bỏ khám: không khám trong ba tháng gần nhất (nhưng có khám trong mười hai tháng), ${underCare.vi}. Kiểm soát, chưa kiểm soát, có khám không có kết quả và bỏ khám cộng lại bằng mẫu số.`,
      zh: `漏诊：近三个月内未就诊（但近十二个月内就诊过）${underCare.zh}。控制、未控制、就诊无结果与漏诊之和等于分母。`,
    },
    [`${kind}-returned-after-call`]: {
      kind,
      en: `Returned to care after a call: residents of the area called (an outreach attempt recorded, any outcome but moved away or died) about an overdue ${c.en} follow-up in the period (up to its end or today) who came to a visit on the day of their first call in it or within the 15 days after; over those called.`,
      vi: `Quay lại sau khi gọi: người dân của địa bàn được gọi (có ghi lần liên hệ, mọi kết quả trừ đã chuyển đi hoặc đã mất) về lần tái khám ${c.vi} quá hạn trong kỳ (đến cuối kỳ hoặc hôm nay) đã đến khám ngay ngày được gọi lần đầu trong kỳ hoặc trong 15 ngày sau đó; trên số người được gọi.`,
      zh: `电话随访后返诊：本期内（截至期末或今天）因${c.zh}随访逾期被联系（已记录联系，结果不为迁出或死亡）的本地区居民中，在本期首次联系当天或其后 15 天内就诊的比例，分母为被联系的居民。`,
    },
    [`${kind}-lost-to-follow-up`]: {
      kind,
      en: 'Lost to follow-up: registered before the last twelve months, alive and living in the area at the end of the period, with no visit in the last twelve months; over the registered before the last twelve months who are alive and living in the area.',
      vi: 'Mất theo dõi: đăng ký trước mười hai tháng gần nhất, còn sống và cư trú tại địa bàn vào cuối kỳ, không khám lần nào trong mười hai tháng gần nhất; trên số đăng ký trước mười hai tháng gần nhất còn sống và cư trú tại địa bàn.',
      zh: '失访：近十二个月之前登记、期末仍在世且居住在本地区，近十二个月内未就诊；分母为近十二个月之前登记、仍在世且居住在本地区的患者。',
    },
  };
}

/** The children an immunization figure counts, in the three languages. */
const COHORT = {
  en: 'Children of the area whose first birthday falls in the period (up to its end or today), alive and living in the area on it (the denominator)',
  vi: 'trong số trẻ của địa bàn tròn một tuổi trong kỳ (đến cuối kỳ hoặc hôm nay), còn sống và cư trú tại địa bàn vào ngày đó (mẫu số)',
  zh: '（分母：本期内（截至期末或今天）满一周岁、当天仍在世且居住在本地区的儿童）',
};
const BY_AGE_1 = {
  en: 'Doses given before the first birthday count, in force (a retracted dose does not), here or elsewhere; a combination vaccine counts for each of its antigens (a hexavalent is a DTP dose), one dose a day.',
  vi: 'Tính các liều tiêm trước sinh nhật đầu tiên, còn hiệu lực (liều đã thu hồi không tính), tiêm tại đây hay nơi khác; vắc xin phối hợp được tính cho từng kháng nguyên (6 trong 1 là một liều DPT), mỗi ngày một liều.',
  zh: '计入一周岁生日前接种、仍有效的剂次（已撤回的不计），本地或外地接种均可；联合疫苗计入其每一种抗原（六联疫苗算一剂百白破），每天最多计一剂。',
};
const immunization = (en: string, vi: string, zh: string): FigureDefinition => ({
  kind: 'immunization',
  en: `${en}. ${COHORT.en}. ${BY_AGE_1.en}`,
  vi: `${vi}, ${COHORT.vi}. ${BY_AGE_1.vi}`,
  zh: `${zh}${COHORT.zh}。${BY_AGE_1.zh}`,
});

/** Every figure's definition (figures.rules.test.ts checks that each id has one). */
export const FIGURE_DEFINITIONS = {
  ...ncd('hypertension'),
  ...ncd('diabetes'),
  'immunization-bcg': immunization(
    'BCG coverage: a BCG dose by age 1',
    'Tỷ lệ tiêm BCG: có một liều BCG trước 1 tuổi',
    '卡介苗接种率：一周岁前接种一剂卡介苗',
  ),
  'immunization-dtp1': immunization(
    'DTP1 coverage: a first dose of a pertussis-containing vaccine (DTP, DTaP, pentavalent, hexavalent) by age 1',
    'Tỷ lệ DPT1: có liều đầu của vắc xin chứa thành phần ho gà (DPT, DTaP, 5 trong 1, 6 trong 1) trước 1 tuổi',
    '百白破第1剂接种率：一周岁前接种第一剂含百日咳成分疫苗（百白破、无细胞百白破、五联、六联）',
  ),
  'immunization-dtp3': immunization(
    'DTP3 coverage: three doses of a pertussis-containing vaccine (DTP, DTaP, pentavalent, hexavalent) by age 1',
    'Tỷ lệ DPT3: đủ ba liều vắc xin chứa thành phần ho gà (DPT, DTaP, 5 trong 1, 6 trong 1) trước 1 tuổi',
    '百白破第3剂接种率：一周岁前接种三剂含百日咳成分疫苗（百白破、无细胞百白破、五联、六联）',
  ),
  'immunization-mcv1': immunization(
    'MCV1 coverage: a first dose of a measles-containing vaccine (measles, MR, MMR) by age 1',
    'Tỷ lệ sởi mũi 1: có liều đầu của vắc xin chứa thành phần sởi (sởi, MR, MMR) trước 1 tuổi',
    '含麻疹成分疫苗第1剂接种率：一周岁前接种第一剂含麻疹成分疫苗（麻疹、麻风、麻腮风）',
  ),
  'immunization-fully-immunized': immunization(
    "Fully immunized by age 1: every dose of the profile's list (programmeFigures.fullyImmunizedByAge1: antigen and doses) by age 1",
    'Tiêm chủng đầy đủ trước 1 tuổi: đủ mọi liều trong danh sách của hồ sơ quốc gia (programmeFigures.fullyImmunizedByAge1: kháng nguyên và số liều) trước 1 tuổi',
    '一周岁内全程接种：一周岁前接种完本国配置清单（programmeFigures.fullyImmunizedByAge1：抗原与剂次）中的全部剂次',
  ),
  'immunization-dtp-dropout': {
    kind: 'immunization',
    en: 'DTP1 to DTP3 dropout: children of the cohort with DTP1 but not DTP3 by age 1, over those with DTP1 (WHO: (DTP1 - DTP3) / DTP1).',
    vi: 'Tỷ lệ bỏ cuộc DPT1 đến DPT3: trẻ trong nhóm có DPT1 nhưng chưa có DPT3 trước 1 tuổi, trên số trẻ có DPT1 (WHO: (DPT1 - DPT3) / DPT1).',
    zh: '百白破第1剂至第3剂脱失率：队列中一周岁前接种了第1剂但未完成第3剂的儿童，除以接种了第1剂的儿童（WHO：(第1剂 - 第3剂) / 第1剂）。',
  },
  'antenatal-first-trimester': {
    kind: 'antenatal',
    en: 'First antenatal contact in the first trimester: women of the area with a live birth in the period (up to its end or today) whose first antenatal contact was before 14 weeks (gestational day 0-97); over those live births. An antenatal contact is a visit in the pregnancy (from the LMP, or the EDD - 280 days, to the birth) with a diagnosis Z34/Z35/Z36 or a gestational age or fundal height recorded; one a day.',
    vi: 'Khám thai lần đầu trong 3 tháng đầu: phụ nữ của địa bàn sinh con sống trong kỳ (đến cuối kỳ hoặc hôm nay) có lần khám thai đầu tiên trước tuần thứ 14 (ngày thai 0-97); trên số ca sinh sống đó. Một lần khám thai là một lần khám trong thai kỳ (từ kỳ kinh cuối, hoặc ngày dự sinh - 280 ngày, đến khi sinh) có chẩn đoán Z34/Z35/Z36 hoặc ghi tuổi thai hay bề cao tử cung; mỗi ngày một lần.',
    zh: '孕早期首次产前检查：本期内（截至期末或今天）活产的本地区妇女中，首次产前检查在孕 14 周前（孕 0-97 天）的比例，分母为这些活产。产前检查指孕期内（自末次月经或预产期前 280 天起至分娩）有 Z34/Z35/Z36 诊断或记录孕周、宫高的就诊；每天最多计一次。',
  },
  'antenatal-four-contacts': {
    kind: 'antenatal',
    en: 'Four or more antenatal contacts: women of the area with a live birth in the period (up to its end or today) who had at least four antenatal contacts in that pregnancy; over those live births. An antenatal contact is a visit in the pregnancy (from the LMP, or the EDD - 280 days, to the birth) with a diagnosis Z34/Z35/Z36 or a gestational age or fundal height recorded; one a day.',
    vi: 'Khám thai từ 4 lần trở lên: phụ nữ của địa bàn sinh con sống trong kỳ (đến cuối kỳ hoặc hôm nay) đã khám thai ít nhất bốn lần trong lần mang thai đó; trên số ca sinh sống đó. Một lần khám thai là một lần khám trong thai kỳ (từ kỳ kinh cuối, hoặc ngày dự sinh - 280 ngày, đến khi sinh) có chẩn đoán Z34/Z35/Z36 hoặc ghi tuổi thai hay bề cao tử cung; mỗi ngày một lần.',
    zh: '产前检查 4 次及以上：本期内（截至期末或今天）活产的本地区妇女中，该次妊娠至少接受四次产前检查的比例，分母为这些活产。产前检查指孕期内（自末次月经或预产期前 280 天起至分娩）有 Z34/Z35/Z36 诊断或记录孕周、宫高的就诊；每天最多计一次。',
  },
  'postnatal-within-week': {
    kind: 'postnatal',
    en: 'Postnatal contact within a week: women of the area with a live birth or stillbirth in the period (up to its end or today) who had a visit with a postpartum diagnosis (Z39) from the day of the birth to 7 days after; over those births.',
    vi: 'Chăm sóc sau sinh trong tuần đầu: phụ nữ của địa bàn sinh con (sống hoặc chết lưu) trong kỳ (đến cuối kỳ hoặc hôm nay) có lần khám với chẩn đoán chăm sóc sau sinh (Z39) từ ngày sinh đến 7 ngày sau; trên số ca sinh đó.',
    zh: '产后一周内访视：本期内（截至期末或今天）活产或死产的本地区妇女中，自分娩当天至其后 7 天内有产后保健诊断（Z39）就诊的比例，分母为这些分娩。',
  },
  'elderly-check': {
    kind: 'elderly',
    en: 'Elderly yearly check: residents aged 65 or more at the end of the period (or today; a birth known by its year only: 65 in that year), alive and living in the area, with a general adult examination (diagnosis Z00.0, in force) at a visit in the last twelve months; over those residents.',
    vi: 'Khám sức khỏe định kỳ người cao tuổi: người dân từ 65 tuổi trở lên vào cuối kỳ (hoặc hôm nay; chỉ biết năm sinh: đủ 65 tuổi trong năm đó), còn sống và cư trú tại địa bàn, có lần khám sức khỏe tổng quát (chẩn đoán Z00.0, còn hiệu lực) trong mười hai tháng gần nhất; trên số người đó.',
    zh: '老年人年度健康体检：期末（或今天）年满 65 岁（仅知出生年份的：当年满 65 岁）、仍在世且居住在本地区的居民中，近十二个月内就诊时有一般成人体检（诊断 Z00.0，仍有效）的比例。',
  },
} as Record<FigureId, FigureDefinition>;
