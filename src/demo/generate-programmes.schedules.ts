import type { ProgrammeWords } from './generate-programmes.ts';

/**
 * The words of each demo's programme records (its profile's `demo` key). The schedules are not here:
 * the children's booklets follow the profile's own programme files (schedule-of-file.ts,
 * child-checks-of-file.ts), the files the engine judges them by.
 */

export const DEMO_PROGRAMMES: Record<'khanh-hoa' | 'xishui', { words: ProgrammeWords }> = {
  'khanh-hoa': {
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
