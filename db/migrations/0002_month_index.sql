DROP INDEX `assignments_date`;--> statement-breakpoint
CREATE INDEX `assignments_date_cover` ON `assignments` (`date`,`person_id`,`shift_type_id`,`locked`);