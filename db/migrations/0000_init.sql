CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`subject` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `coaching_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rep_id` integer NOT NULL,
	`skill_id` integer NOT NULL,
	`trainer_id` integer,
	`status` text NOT NULL,
	`cpi` text,
	`planned_for` integer,
	`completed_at` integer,
	`notes` text DEFAULT '' NOT NULL,
	`training_record_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainer_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`training_record_id`) REFERENCES `training_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coaching_rep_idx` ON `coaching_sessions` (`rep_id`,`status`);--> statement-breakpoint
CREATE TABLE `content_items` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`url` text,
	`stage` text,
	`topic` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `cpi_cumulative` (
	`rep_id` integer NOT NULL,
	`interaction_type` text NOT NULL,
	`day` integer NOT NULL,
	`invitations` integer DEFAULT 0 NOT NULL,
	`responses` integer DEFAULT 0 NOT NULL,
	`invited_responses` integer DEFAULT 0 NOT NULL,
	`fcr_n` integer DEFAULT 0 NOT NULL,
	`fcr_yes` integer DEFAULT 0 NOT NULL,
	`cu_n` integer DEFAULT 0 NOT NULL,
	`cu_sum` integer DEFAULT 0 NOT NULL,
	`cu_sq` integer DEFAULT 0 NOT NULL,
	`cu_top2` integer DEFAULT 0 NOT NULL,
	`dc_n` integer DEFAULT 0 NOT NULL,
	`dc_sum` integer DEFAULT 0 NOT NULL,
	`dc_sq` integer DEFAULT 0 NOT NULL,
	`dc_top2` integer DEFAULT 0 NOT NULL,
	`av_n` integer DEFAULT 0 NOT NULL,
	`av_sum` integer DEFAULT 0 NOT NULL,
	`av_sq` integer DEFAULT 0 NOT NULL,
	`av_top2` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`rep_id`, `interaction_type`, `day`),
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `cpi_monthly` (
	`month` integer NOT NULL,
	`rep_id` integer NOT NULL,
	`interaction_type` text NOT NULL,
	`invitations` integer DEFAULT 0 NOT NULL,
	`responses` integer DEFAULT 0 NOT NULL,
	`invited_responses` integer DEFAULT 0 NOT NULL,
	`fcr_n` integer DEFAULT 0 NOT NULL,
	`fcr_yes` integer DEFAULT 0 NOT NULL,
	`cu_n` integer DEFAULT 0 NOT NULL,
	`cu_sum` integer DEFAULT 0 NOT NULL,
	`cu_sq` integer DEFAULT 0 NOT NULL,
	`cu_top2` integer DEFAULT 0 NOT NULL,
	`dc_n` integer DEFAULT 0 NOT NULL,
	`dc_sum` integer DEFAULT 0 NOT NULL,
	`dc_sq` integer DEFAULT 0 NOT NULL,
	`dc_top2` integer DEFAULT 0 NOT NULL,
	`av_n` integer DEFAULT 0 NOT NULL,
	`av_sum` integer DEFAULT 0 NOT NULL,
	`av_sq` integer DEFAULT 0 NOT NULL,
	`av_top2` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `rep_id`, `interaction_type`),
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `cpi_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cpi` text NOT NULL,
	`team_id` integer,
	`scope` text NOT NULL,
	`target` real,
	`baseline_from` integer,
	`baseline_to` integer,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cpi_targets_scope_idx` ON `cpi_targets` (`cpi`,`scope`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`locale` text DEFAULT 'en' NOT NULL,
	`company` text,
	`opted_out_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_email_unique` ON `customers` (`email`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`status` text NOT NULL,
	`assignee_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_response_id_unique` ON `follow_ups` (`response_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_status_idx` ON `follow_ups` (`status`);--> statement-breakpoint
CREATE TABLE `import_rows` (
	`import_id` integer NOT NULL,
	`line` integer NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`import_id`, `line`),
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`filename` text NOT NULL,
	`status` text NOT NULL,
	`owner` text,
	`rows` integer DEFAULT 0 NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`duplicates` integer DEFAULT 0 NOT NULL,
	`errors` text,
	`created_by` integer,
	`heartbeat_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `interaction_content` (
	`interaction_id` integer NOT NULL,
	`content_id` text NOT NULL,
	PRIMARY KEY(`interaction_id`, `content_id`),
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`content_id`) REFERENCES `content_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interaction_content_item_idx` ON `interaction_content` (`content_id`);--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text NOT NULL,
	`rep_id` integer NOT NULL,
	`customer_id` integer,
	`type` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`quote_requested_at` integer,
	`quote_delivered_at` integer,
	`content_key` text DEFAULT '' NOT NULL,
	`customer_key` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`survey_status` text NOT NULL,
	`suppression_reason` text,
	`import_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interactions_external_id_unique` ON `interactions` (`external_id`);--> statement-breakpoint
CREATE INDEX `interactions_rep_time_idx` ON `interactions` (`rep_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `interactions_customer_idx` ON `interactions` (`customer_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `interactions_suppressed_idx` ON `interactions` (`survey_status`,`created_at`);--> statement-breakpoint
CREATE INDEX `interactions_time_idx` ON `interactions` (`occurred_at`,`rep_id`,`type`);--> statement-breakpoint
CREATE INDEX `interactions_quotes_idx` ON `interactions` (`occurred_at`,`rep_id`,`type`,`quote_requested_at`,`quote_delivered_at`) WHERE "interactions"."quote_delivered_at" IS NOT NULL AND "interactions"."quote_requested_at" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `invitation_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`invitation_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `invitation_tokens_invitation_idx` ON `invitation_tokens` (`invitation_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`interaction_id` integer NOT NULL,
	`customer_id` integer,
	`rep_id` integer NOT NULL,
	`status` text NOT NULL,
	`locale` text NOT NULL,
	`questions` text NOT NULL,
	`required` text NOT NULL,
	`send_at` integer NOT NULL,
	`sent_at` integer,
	`expires_at` integer NOT NULL,
	`expiry_days` integer NOT NULL,
	`reminder_due_at` integer,
	`reminded_at` integer,
	`responded_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_interaction_id_unique` ON `invitations` (`interaction_id`);--> statement-breakpoint
CREATE INDEX `invitations_rep_send_idx` ON `invitations` (`rep_id`,`send_at`);--> statement-breakpoint
CREATE INDEX `invitations_customer_idx` ON `invitations` (`customer_id`,`send_at`);--> statement-breakpoint
CREATE INDEX `invitations_due_idx` ON `invitations` (`status`,`send_at`);--> statement-breakpoint
CREATE INDEX `invitations_reminder_idx` ON `invitations` (`status`,`reminder_due_at`);--> statement-breakpoint
CREATE TABLE `job_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `one_time_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`user_id` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invitation_id` integer,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text,
	`html_body` text,
	`headers` text NOT NULL,
	`message_id` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`send_after` integer NOT NULL,
	`lease_owner` text,
	`lease_expires_at` integer,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_message_id_unique` ON `outbox` (`message_id`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`send_after`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`bucket` text NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`bucket`, `window_start`)
);
--> statement-breakpoint
CREATE TABLE `reps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`team_id` integer,
	`excluded_from_surveys` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reps_email_unique` ON `reps` (`email`);--> statement-breakpoint
CREATE INDEX `reps_team_idx` ON `reps` (`team_id`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invitation_id` integer,
	`interaction_id` integer NOT NULL,
	`rep_id` integer NOT NULL,
	`interaction_type` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`resolved_first_contact` integer,
	`content_useful` integer,
	`decision_clearer` integer,
	`added_value` integer,
	`comment` text,
	`contact_consent` integer DEFAULT false NOT NULL,
	`locale` text,
	`started_at` integer NOT NULL,
	`submitted_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fcr_range" CHECK("responses"."resolved_first_contact" IS NULL OR "responses"."resolved_first_contact" IN (0, 1)),
	CONSTRAINT "cu_range" CHECK("responses"."content_useful" IS NULL OR "responses"."content_useful" BETWEEN 1 AND 5),
	CONSTRAINT "dc_range" CHECK("responses"."decision_clearer" IS NULL OR "responses"."decision_clearer" BETWEEN 1 AND 5),
	CONSTRAINT "av_range" CHECK("responses"."added_value" IS NULL OR "responses"."added_value" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_invitation_id_unique` ON `responses` (`invitation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `responses_interaction_id_unique` ON `responses` (`interaction_id`);--> statement-breakpoint
CREATE INDEX `responses_period_idx` ON `responses` (`status`,`occurred_at`,`rep_id`,`interaction_type`,`resolved_first_contact`,`content_useful`,`decision_clearer`,`added_value`,`invitation_id`);--> statement-breakpoint
CREATE INDEX `responses_rep_idx` ON `responses` (`rep_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `rollup_mode` (
	`id` integer PRIMARY KEY NOT NULL,
	`bulk` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`absolute_expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `skills` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`proficiency_target` real DEFAULT 80 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skills_slug_unique` ON `skills` (`slug`);--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_email_unique` ON `staff_users` (`email`);--> statement-breakpoint
CREATE TABLE `suppression_list` (
	`email_hash` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `survey_rules` (
	`interaction_type` text PRIMARY KEY NOT NULL,
	`send_delay_minutes` integer DEFAULT 120 NOT NULL,
	`fatigue_days` integer DEFAULT 14 NOT NULL,
	`expiry_days` integer DEFAULT 14 NOT NULL,
	`reminder_after_days` integer DEFAULT 3,
	`questions` text NOT NULL,
	`required` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_unique` ON `teams` (`name`);--> statement-breakpoint
CREATE TABLE `trainer_teams` (
	`user_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `team_id`),
	FOREIGN KEY (`user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `training_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text,
	`rep_id` integer NOT NULL,
	`skill_id` integer NOT NULL,
	`kind` text NOT NULL,
	`completed_at` integer NOT NULL,
	`score` real,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "training_score_range" CHECK("training_records"."score" IS NULL OR ("training_records"."score" >= 0 AND "training_records"."score" <= 100))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_records_external_id_unique` ON `training_records` (`external_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `training_natural_idx` ON `training_records` (`rep_id`,`skill_id`,`kind`,`completed_at`);