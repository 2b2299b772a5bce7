INSERT OR IGNORE INTO data_version (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER data_version_responses_insert AFTER INSERT ON responses
WHEN NEW.status = 'submitted' AND coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_responses_update AFTER UPDATE ON responses
WHEN (NEW.status = 'submitted' OR OLD.status = 'submitted') AND coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_responses_delete AFTER DELETE ON responses
WHEN OLD.status = 'submitted' AND coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_interactions_insert AFTER INSERT ON interactions
WHEN NEW.quote_delivered_at IS NOT NULL AND coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_interactions_update AFTER UPDATE ON interactions
WHEN (NEW.quote_delivered_at IS NOT OLD.quote_delivered_at OR NEW.quote_requested_at IS NOT OLD.quote_requested_at OR (OLD.quote_delivered_at IS NOT NULL AND (NEW.rep_id IS NOT OLD.rep_id OR NEW.type IS NOT OLD.type OR NEW.occurred_at IS NOT OLD.occurred_at))) AND coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_interactions_delete AFTER DELETE ON interactions
WHEN OLD.quote_delivered_at IS NOT NULL AND coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_training_records_insert AFTER INSERT ON training_records
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_training_records_update AFTER UPDATE ON training_records
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_training_records_delete AFTER DELETE ON training_records
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_coaching_sessions_insert AFTER INSERT ON coaching_sessions
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_coaching_sessions_update AFTER UPDATE ON coaching_sessions
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_coaching_sessions_delete AFTER DELETE ON coaching_sessions
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_reps_insert AFTER INSERT ON reps
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_reps_update AFTER UPDATE ON reps
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_reps_delete AFTER DELETE ON reps
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_teams_insert AFTER INSERT ON teams
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_teams_update AFTER UPDATE ON teams
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_teams_delete AFTER DELETE ON teams
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_skills_insert AFTER INSERT ON skills
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_skills_update AFTER UPDATE ON skills
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_skills_delete AFTER DELETE ON skills
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_cpi_targets_insert AFTER INSERT ON cpi_targets
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_cpi_targets_update AFTER UPDATE ON cpi_targets
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_cpi_targets_delete AFTER DELETE ON cpi_targets
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_settings_insert AFTER INSERT ON settings
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_settings_update AFTER UPDATE ON settings
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER data_version_settings_delete AFTER DELETE ON settings
WHEN coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
