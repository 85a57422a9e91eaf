CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`date` text NOT NULL,
	`shift_type_id` integer,
	`locked` integer DEFAULT false NOT NULL,
	`source` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shift_type_id`) REFERENCES `shift_types`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_person_date` ON `assignments` (`person_id`,`date`);--> statement-breakpoint
CREATE INDEX `assignments_date` ON `assignments` (`date`);--> statement-breakpoint
CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "calendar_days_kind" CHECK("calendar_days"."kind" in ('holiday', 'rest', 'workday'))
);
--> statement-breakpoint
CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `coverage` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer,
	`shift_type_id` integer NOT NULL,
	`weekday` integer,
	`on_date` text,
	`function` text,
	`min_people` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shift_type_id`) REFERENCES `shift_types`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "coverage_when" CHECK(("coverage"."weekday" is null) <> ("coverage"."on_date" is null)),
	CONSTRAINT "coverage_weekday" CHECK("coverage"."weekday" is null or "coverage"."weekday" between 0 and 6),
	CONSTRAINT "coverage_min" CHECK("coverage"."min_people" >= 0)
);
--> statement-breakpoint
CREATE INDEX `coverage_scope` ON `coverage` (`group_id`,`shift_type_id`);--> statement-breakpoint
CREATE TABLE `roster_months` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`month` text NOT NULL,
	`status` text NOT NULL,
	`published_at` text,
	`published_by` text,
	`published_with_issues` text,
	`publish_note` text,
	`handover_base` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "roster_months_status" CHECK("roster_months"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roster_months_group_month` ON `roster_months` (`group_id`,`month`);--> statement-breakpoint
CREATE TABLE `roster_wishes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`date` text NOT NULL,
	`shift_type_id` integer,
	`kind` text NOT NULL,
	`weight` integer DEFAULT 1 NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shift_type_id`) REFERENCES `shift_types`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "roster_wishes_kind" CHECK("roster_wishes"."kind" in ('on', 'off'))
);
--> statement-breakpoint
CREATE INDEX `roster_wishes_date` ON `roster_wishes` (`date`);--> statement-breakpoint
CREATE TABLE `shift_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`color` text NOT NULL,
	`start_minute` integer NOT NULL,
	`end_minute` integer NOT NULL,
	`paid_minutes` integer NOT NULL,
	`break_minutes` integer DEFAULT 0 NOT NULL,
	`functions` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived_on` text,
	`created_at` text NOT NULL,
	CONSTRAINT "shift_types_minutes" CHECK("shift_types"."start_minute" between 0 and 1439 and "shift_types"."end_minute" between 0 and 1439 and "shift_types"."paid_minutes" >= 0 and "shift_types"."break_minutes" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shift_types_code` ON `shift_types` (`code`);--> statement-breakpoint
CREATE TABLE `staffing_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`params` text NOT NULL,
	`demand` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `swap_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`person_id` integer NOT NULL,
	`date` text NOT NULL,
	`other_person_id` integer NOT NULL,
	`other_date` text,
	`reason` text,
	`status` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision_reason` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`other_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "swap_requests_status" CHECK("swap_requests"."status" in ('pending', 'approved', 'rejected', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `swap_requests_date` ON `swap_requests` (`date`);--> statement-breakpoint
ALTER TABLE `departments` ADD `uid` text;