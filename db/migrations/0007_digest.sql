CREATE TABLE `digest_sends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`week` text NOT NULL,
	`unsubscribe_hash` text NOT NULL,
	`findings` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digest_sends_unsubscribe_hash_unique` ON `digest_sends` (`unsubscribe_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `digest_sends_user_week_idx` ON `digest_sends` (`user_id`,`week`);--> statement-breakpoint
CREATE TABLE `digest_subscriptions` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade
);
