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
    [`${kind}-lost-to-follow-up`]: {
      kind,
      en: 'Lost to follow-up: registered before the last twelve months, alive and living in the area at the end of the period, with no visit in the last twelve months; over the registered before the last twelve months who are alive and living in the area.',
      vi: 'Mất theo dõi: đăng ký trước mười hai tháng gần nhất, còn sống và cư trú tại địa bàn vào cuối kỳ, không khám lần nào trong mười hai tháng gần nhất; trên số đăng ký trước mười hai tháng gần nhất còn sống và cư trú tại địa bàn.',
      zh: '失访：近十二个月之前登记、期末仍在世且居住在本地区，近十二个月内未就诊；分母为近十二个月之前登记、仍在世且居住在本地区的患者。',
    },
  };
}

/** Every figure's definition (figures.rules.test.ts checks that each id has one). */
export const FIGURE_DEFINITIONS = {
  ...ncd('hypertension'),
  ...ncd('diabetes'),
} as Record<FigureId, FigureDefinition>;
