import type {
  AppUserTable,
  AuditLogTable,
  AuthSessionTable,
  LoginThrottleTable,
  UserRoleTable,
} from './modules/access/access.table.ts';
import type {
  AppointmentAmendmentTable,
  AppointmentTable,
} from './modules/appointments/appointments.table.ts';
import type { AreaPopulationTable, AreaTable } from './modules/areas/areas.table.ts';
import type {
  FacilityEquipmentTable,
  FacilityServiceTable,
} from './modules/capabilities/capabilities.table.ts';
import type {
  CatalogueTable,
  DiagnosisTable,
  MedicinePriceTable,
  MedicineTable,
  ServiceItemTable,
  ServicePriceTable,
} from './modules/catalog/catalog.table.ts';
import type { ClaimFileTable } from './modules/claim-files/claim-files.table.ts';
import type { ClaimFileRecordTable } from './modules/claim-files/import.table.ts';
import type {
  ClaimCheckTable,
  ClaimEventTable,
  ClaimLineTable,
  ClaimTable,
} from './modules/claims/claims.table.ts';
import type {
  EncounterAmendmentTable,
  EncounterBillLineTable,
  EncounterBillTable,
  EncounterDiagnosisTable,
  EncounterObservationTable,
  EncounterPrescriptionTable,
  EncounterServiceTable,
  EncounterTable,
  ProblemTable,
} from './modules/encounters/encounters.table.ts';
import type { FacilityStatusChangeTable, FacilityTable } from './modules/facilities/facilities.table.ts';
import type {
  ImmunizationAmendmentTable,
  ImmunizationTable,
} from './modules/immunizations/immunizations.table.ts';
import type { InsuranceCardTable } from './modules/insurance/insurance.table.ts';
import type { JobTable } from './modules/jobs/jobs.table.ts';
import type { PregnancyAmendmentTable, PregnancyTable } from './modules/pregnancies/pregnancies.table.ts';
import type {
  OutreachAttemptTable,
  ProgrammeDueTable,
  ProgrammeInvalidDoseTable,
  ProgrammeRiskTable,
} from './modules/programmes/due.table.ts';
import type {
  ReminderMessageItemTable,
  ReminderMessageTable,
  ReminderOptOutTable,
} from './modules/reminders/reminders.table.ts';
import type {
  HouseholdTable,
  ResidentMergeTable,
  ResidentStatusChangeTable,
  ResidentTable,
} from './modules/residents/residents.table.ts';
import type { RotationTable } from './modules/rotations/rotations.table.ts';
import type {
  SettlementAdjustmentTable,
  SettlementAdvanceTable,
  SettlementClaimTable,
  SettlementTable,
} from './modules/settlements/settlements.table.ts';
import type { RequisitionEventTable, RequisitionTable } from './modules/stock/requisitions.table.ts';
import type {
  StockBatchTable,
  StockMovementTable,
  StockOperationTable,
  StockTransferLineTable,
  StockTransferTable,
} from './modules/stock/stock.table.ts';
import type {
  HealthWorkerTable,
  TrainingRecordTable,
  WorkerAssignmentTable,
} from './modules/workforce/workforce.table.ts';

/**
 * The database's type, assembled here, above the modules that own the tables: platform/db declares an
 * empty `Database` and this file fills it in (declaration merging), so platform/ never imports a module.
 * Only the owning module queries a table.
 */
declare module './platform/db/database.ts' {
  interface Database {
    area: AreaTable;
    area_population: AreaPopulationTable;
    facility: FacilityTable;
    facility_status_change: FacilityStatusChangeTable;
    health_worker: HealthWorkerTable;
    worker_assignment: WorkerAssignmentTable;
    training_record: TrainingRecordTable;
    rotation: RotationTable;
    app_user: AppUserTable;
    user_role: UserRoleTable;
    auth_session: AuthSessionTable;
    login_throttle: LoginThrottleTable;
    audit_log: AuditLogTable;
    insurance_card: InsuranceCardTable;
    household: HouseholdTable;
    resident: ResidentTable;
    resident_status_change: ResidentStatusChangeTable;
    resident_merge: ResidentMergeTable;
    catalogue: CatalogueTable;
    diagnosis: DiagnosisTable;
    medicine: MedicineTable;
    medicine_price: MedicinePriceTable;
    service_item: ServiceItemTable;
    service_price: ServicePriceTable;
    facility_service: FacilityServiceTable;
    facility_equipment: FacilityEquipmentTable;
    stock_batch: StockBatchTable;
    stock_operation: StockOperationTable;
    stock_movement: StockMovementTable;
    stock_transfer: StockTransferTable;
    stock_transfer_line: StockTransferLineTable;
    encounter: EncounterTable;
    encounter_amendment: EncounterAmendmentTable;
    encounter_observation: EncounterObservationTable;
    problem: ProblemTable;
    encounter_diagnosis: EncounterDiagnosisTable;
    encounter_prescription: EncounterPrescriptionTable;
    encounter_service: EncounterServiceTable;
    encounter_bill: EncounterBillTable;
    encounter_bill_line: EncounterBillLineTable;
    requisition: RequisitionTable;
    requisition_event: RequisitionEventTable;
    job: JobTable;
    immunization: ImmunizationTable;
    immunization_amendment: ImmunizationAmendmentTable;
    pregnancy: PregnancyTable;
    pregnancy_amendment: PregnancyAmendmentTable;
    reminder_message: ReminderMessageTable;
    reminder_message_item: ReminderMessageItemTable;
    reminder_opt_out: ReminderOptOutTable;
    appointment: AppointmentTable;
    appointment_amendment: AppointmentAmendmentTable;
    programme_due: ProgrammeDueTable;
    programme_risk: ProgrammeRiskTable;
    programme_invalid_dose: ProgrammeInvalidDoseTable;
    outreach_attempt: OutreachAttemptTable;
    claim: ClaimTable;
    claim_file: ClaimFileTable;
    claim_file_record: ClaimFileRecordTable;
    claim_line: ClaimLineTable;
    claim_check: ClaimCheckTable;
    claim_event: ClaimEventTable;
    settlement_advance: SettlementAdvanceTable;
    settlement: SettlementTable;
    settlement_claim: SettlementClaimTable;
    settlement_adjustment: SettlementAdjustmentTable;
  }
}
