CREATE TABLE `attendance_days` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`person_id` integer NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`detail` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_days_person_date` ON `attendance_days` (`person_id`,`date`);--> statement-breakpoint
CREATE INDEX `attendance_days_month` ON `attendance_days` (`month`);--> statement-breakpoint
CREATE TABLE `attendance_months` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`status` text NOT NULL,
	`closed_at` text,
	`closed_by` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_months_month` ON `attendance_months` (`month`);--> statement-breakpoint
CREATE TABLE `attendance_resolutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`resolution` text NOT NULL,
	`note` text,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL,
	`voided_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_resolutions_person_date` ON `attendance_resolutions` (`person_id`,`date`);--> statement-breakpoint
CREATE TABLE `import_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`fingerprint` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_profiles_kind_fingerprint` ON `import_profiles` (`kind`,`fingerprint`);--> statement-breakpoint
CREATE TABLE `leave_adjustments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`leave_type_id` integer NOT NULL,
	`year` integer NOT NULL,
	`days` real NOT NULL,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leave_type_id`) REFERENCES `leave_types`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leave_adjustments_person` ON `leave_adjustments` (`person_id`,`year`);--> statement-breakpoint
CREATE TABLE `leave_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`leave_type_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`start_part` text DEFAULT 'full' NOT NULL,
	`end_date` text NOT NULL,
	`end_part` text DEFAULT 'full' NOT NULL,
	`days` real NOT NULL,
	`reason` text,
	`evidence` text,
	`status` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision_reason` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leave_type_id`) REFERENCES `leave_types`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "leave_requests_status" CHECK("leave_requests"."status" in ('pending', 'approved', 'rejected', 'cancelled')),
	CONSTRAINT "leave_requests_order" CHECK("leave_requests"."start_date" <= "leave_requests"."end_date")
);
--> statement-breakpoint
CREATE INDEX `leave_requests_person` ON `leave_requests` (`person_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `leave_requests_dates` ON `leave_requests` (`start_date`,`end_date`);--> statement-breakpoint
CREATE TABLE `leave_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`paid` integer NOT NULL,
	`evidence_required` integer DEFAULT false NOT NULL,
	`entitlement` text NOT NULL,
	`yearly_cap_days` real,
	`allow_over_balance` integer DEFAULT false NOT NULL,
	`counts_calendar_days` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived_on` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leave_types_code` ON `leave_types` (`code`);--> statement-breakpoint
CREATE TABLE `overtime_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`date` text NOT NULL,
	`start_minute` integer NOT NULL,
	`planned_minutes` integer NOT NULL,
	`reason` text,
	`compensation` text NOT NULL,
	`day_kind` text NOT NULL,
	`multiplier` real NOT NULL,
	`status` text NOT NULL,
	`warnings` text,
	`decided_by` text,
	`decided_at` text,
	`decision_reason` text,
	`actual_minutes` integer,
	`actual_recorded_at` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "overtime_requests_status" CHECK("overtime_requests"."status" in ('pending', 'approved', 'rejected', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `overtime_requests_person` ON `overtime_requests` (`person_id`,`date`);--> statement-breakpoint
CREATE TABLE `punches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`at` text NOT NULL,
	`source` text NOT NULL,
	`batch` text,
	`device` text,
	`reason` text,
	`voided_at` text,
	`void_reason` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `punches_person_at` ON `punches` (`person_id`,`at`);--> statement-breakpoint
CREATE INDEX `punches_at` ON `punches` (`at`);--> statement-breakpoint
CREATE TABLE `annual_summaries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`year` integer NOT NULL,
	`summary_score` real NOT NULL,
	`note` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annual_summaries_person_year` ON `annual_summaries` (`person_id`,`year`);--> statement-breakpoint
CREATE TABLE `appraisal_cycles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`template_id` integer NOT NULL,
	`status` text NOT NULL,
	`locked_at` text,
	`locked_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `appraisal_templates`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "appraisal_cycles_status" CHECK("appraisal_cycles"."status" in ('open', 'locked'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appraisal_cycles_period` ON `appraisal_cycles` (`period`);--> statement-breakpoint
CREATE TABLE `appraisal_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appraisal_id` integer NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`actor` text NOT NULL,
	`actor_name` text NOT NULL,
	`at` text NOT NULL,
	`note` text,
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appraisal_steps_appraisal` ON `appraisal_steps` (`appraisal_id`);--> statement-breakpoint
CREATE TABLE `appraisal_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`structure` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`archived_on` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appraisal_templates_key_version` ON `appraisal_templates` (`key`,`version`);--> statement-breakpoint
CREATE TABLE `appraisals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`group_id` integer,
	`template_id` integer NOT NULL,
	`state` text NOT NULL,
	`targets` text,
	`scores` text,
	`indicator_values` text,
	`total` real,
	`grade` text,
	`coefficient` real,
	`result` text,
	`feedback` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `appraisal_cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `appraisal_templates`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "appraisals_state" CHECK("appraisals"."state" in ('draft', 'self-assessed', 'scored', 'consolidated', 'locked'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appraisals_cycle_person` ON `appraisals` (`cycle_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `appraisals_person` ON `appraisals` (`person_id`);--> statement-breakpoint
CREATE TABLE `improvement_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appraisal_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`opened_on` text NOT NULL,
	`goals` text,
	`status` text NOT NULL,
	`closed_on` text,
	`outcome` text,
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `improvement_plans_person` ON `improvement_plans` (`person_id`);--> statement-breakpoint
CREATE TABLE `training_assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`taken_on` text NOT NULL,
	`score` real,
	`passed` integer NOT NULL,
	`retake_of` integer,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_assessments_person` ON `training_assessments` (`person_id`,`taken_on`);--> statement-breakpoint
CREATE TABLE `approval_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject` text NOT NULL,
	`subject_id` integer NOT NULL,
	`step` text NOT NULL,
	`decision` text NOT NULL,
	`actor` text NOT NULL,
	`actor_name` text NOT NULL,
	`at` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `approval_steps_subject` ON `approval_steps` (`subject`,`subject_id`);--> statement-breakpoint
CREATE TABLE `fund_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`person_id` integer,
	`sanction_id` integer,
	`reward_id` integer,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sanction_id`) REFERENCES `sanctions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reward_id`) REFERENCES `rewards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fund_entries_month` ON `fund_entries` (`month`);--> statement-breakpoint
CREATE UNIQUE INDEX `fund_entries_sanction` ON `fund_entries` (`sanction_id`);--> statement-breakpoint
CREATE TABLE `fund_months` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`opening_fen` integer NOT NULL,
	`closing_fen` integer NOT NULL,
	`closed_at` text NOT NULL,
	`closed_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fund_months_month` ON `fund_months` (`month`);--> statement-breakpoint
CREATE TABLE `hr_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`person_id` integer NOT NULL,
	`key` text NOT NULL,
	`evidence` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`raised_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "hr_flags_status" CHECK("hr_flags"."status" in ('open', 'sent', 'closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hr_flags_key` ON `hr_flags` (`key`);--> statement-breakpoint
CREATE TABLE `promotions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`from_role` text NOT NULL,
	`to_role` text NOT NULL,
	`skip_level` integer DEFAULT false NOT NULL,
	`exception_note` text,
	`applied_on` text NOT NULL,
	`eligibility` text NOT NULL,
	`status` text NOT NULL,
	`effective_on` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `promotions_person` ON `promotions` (`person_id`);--> statement-breakpoint
CREATE TABLE `rewards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`amount_fen` integer,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`application` text,
	`date` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rewards_person` ON `rewards` (`person_id`,`date`);--> statement-breakpoint
CREATE TABLE `role_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`from_role` text NOT NULL,
	`to_role` text NOT NULL,
	`effective_on` text NOT NULL,
	`promotion_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`promotion_id`) REFERENCES `promotions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `role_changes_person` ON `role_changes` (`person_id`,`effective_on`);--> statement-breakpoint
CREATE TABLE `sanctions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`date` text NOT NULL,
	`violation_type_id` integer NOT NULL,
	`sanction` text NOT NULL,
	`amount_fen` integer,
	`evidence` text,
	`source` text NOT NULL,
	`source_key` text,
	`status` text NOT NULL,
	`appeal_note` text,
	`void_reason` text,
	`voided_at` text,
	`voided_by` text,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`violation_type_id`) REFERENCES `violation_types`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sanctions_status" CHECK("sanctions"."status" in ('active', 'appealed', 'voided'))
);
--> statement-breakpoint
CREATE INDEX `sanctions_person_date` ON `sanctions` (`person_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `sanctions_source_key` ON `sanctions` (`source_key`);--> statement-breakpoint
CREATE TABLE `violation_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`version` integer NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`rule_document_id` integer NOT NULL,
	`default_sanction` text NOT NULL,
	`default_amount_fen` integer,
	`archived_on` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`rule_document_id`) REFERENCES `rule_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `violation_types_code_version` ON `violation_types` (`code`,`version`);