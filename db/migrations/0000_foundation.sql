CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `group_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`from_group_id` integer,
	`to_group_id` integer NOT NULL,
	`on_date` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `group_moves_person` ON `group_moves` (`person_id`,`on_date`);--> statement-breakpoint
CREATE TABLE `groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived_on` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `groups_department_name` ON `groups` (`department_id`,`name`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employee_no` text NOT NULL,
	`name` text NOT NULL,
	`group_id` integer,
	`role` text NOT NULL,
	`function` text NOT NULL,
	`hire_date` text NOT NULL,
	`first_employment_date` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`left_on` text,
	`daily_wage_fen` integer,
	`phone` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "people_role" CHECK("people"."role" in ('manager', 'supervisor', 'leader', 'agent')),
	CONSTRAINT "people_function" CHECK("people"."function" in ('service', 'tech', 'operations', 'data')),
	CONSTRAINT "people_left" CHECK(("people"."status" = 'left') = ("people"."left_on" is not null)),
	CONSTRAINT "people_wage" CHECK("people"."daily_wage_fen" is null or "people"."daily_wage_fen" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_employee_no` ON `people` (`employee_no`);--> statement-breakpoint
CREATE INDEX `people_group` ON `people` (`group_id`);--> statement-breakpoint
CREATE INDEX `people_status` ON `people` (`status`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`batch` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `rule_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`version` text NOT NULL,
	`published_on` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_documents_code_version` ON `rule_documents` (`code`,`version`);--> statement-breakpoint
CREATE TABLE `setting_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`rule_document_id` integer NOT NULL,
	`effective_from` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`voided_at` text,
	`void_reason` text,
	FOREIGN KEY (`rule_document_id`) REFERENCES `rule_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `setting_values_key` ON `setting_values` (`key`,`effective_from`);