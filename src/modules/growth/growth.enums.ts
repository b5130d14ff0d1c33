/**
 * The growth module's lists, declared once: the schema, the rules and the web app read them here.
 */

/** The three indicators of the WHO child growth standards a station charts (weight-for-length under 24 months, weight-for-height from 24). */
export const GROWTH_INDICATORS = [
  'weight-for-age',
  'length-height-for-age',
  'weight-for-length-height',
] as const;
export type GrowthIndicator = (typeof GROWTH_INDICATORS)[number];

/**
 * What a z-score says (WHO cut-offs: below −2 and below −3; above +1, +2, +3 for weight-for-length/height).
 * `implausible`: outside WHO's flag limits (weight-for-age below −6 or above +5, length/height-for-age
 * beyond ±6, weight-for-length/height beyond ±5): check the measurement before reading it.
 */
export const GROWTH_CLASSES = [
  'severely_underweight',
  'underweight',
  'severely_stunted',
  'stunted',
  'severely_wasted',
  'wasted',
  'normal',
  'possible_risk_of_overweight',
  'overweight',
  'obese',
  'very_tall',
  'implausible',
] as const;
export type GrowthClass = (typeof GROWTH_CLASSES)[number];

/** How a length or height was taken: lying (recumbent length) or standing (height); null when not said. */
export const MEASURE_POSITIONS = ['lying', 'standing'] as const;
export type MeasurePosition = (typeof MEASURE_POSITIONS)[number];

/** The sexes the WHO tables are split by. */
export const GROWTH_SEXES = ['male', 'female'] as const;
export type GrowthSex = (typeof GROWTH_SEXES)[number];

/** Why a reading has no z-scores: the child's sex is not recorded, or it is past the standards' 60 months. */
export const GROWTH_UNSCORED = ['sex-not-recorded', 'over-60-months'] as const;
export type GrowthUnscored = (typeof GROWTH_UNSCORED)[number];

/** What a reference curve is drawn against: age in months, lying length or standing height in cm. */
export const GROWTH_CURVE_AXES = ['age-months', 'length-cm', 'height-cm'] as const;
export type GrowthCurveAxis = (typeof GROWTH_CURVE_AXES)[number];
