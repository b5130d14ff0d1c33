import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Sex } from '../../platform/sex.enums.ts';

export interface HealthWorkerTable {
  id: string;
  /** Staff number, unique; what CSV imports match on. */
  code: string;
  full_name: string;
  sex: Sex | null;
  birth_date: string | null;
  /** A cadre from the country profile: doctor, assistant_doctor, nurse, midwife ... */
  cadre: string;
  /** Highest qualification: postgraduate, bachelor, college, secondary, none. */
  qualification: string;
  licence_number: string | null;
  phone: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface WorkerAssignmentTable {
  id: string;
  worker_id: string;
  facility_id: string;
  /** The facility's area path, copied so scoping needs no join. */
  area_path: string;
  position: string | null;
  start_date: string;
  end_date: string | null;
}

export interface TrainingRecordTable {
  id: string;
  worker_id: string;
  course: string;
  provider: string | null;
  kind: Generated<string>;
  hours: number | null;
  credits: number | null;
  completed_on: string;
  certificate_number: string | null;
  created_at: Generated<Date>;
}

export type HealthWorkerRow = Selectable<HealthWorkerTable>;
export type NewHealthWorkerRow = Insertable<HealthWorkerTable>;
export type WorkerAssignmentRow = Selectable<WorkerAssignmentTable>;
export type TrainingRecordRow = Selectable<TrainingRecordTable>;
