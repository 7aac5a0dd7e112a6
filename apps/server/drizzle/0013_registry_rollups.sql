CREATE TABLE "registry_figure_cells" (
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"grid_id" uuid,
	"residents" integer NOT NULL,
	"floating" integer NOT NULL,
	"tagged_residents" integer NOT NULL,
	"households" integer NOT NULL,
	"tagged_households" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_figure_marks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid
);
--> statement-breakpoint
CREATE TABLE "registry_rollup_state" (
	"name" text PRIMARY KEY NOT NULL,
	"rules_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_tag_cells" (
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"grid_id" uuid,
	"tag" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_due_cells" (
	"community_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"grid_id" uuid,
	"due_on" date NOT NULL,
	"households" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "registry_figure_cells_cell_idx" ON "registry_figure_cells" USING btree ("community_id","grid_id");--> statement-breakpoint
CREATE INDEX "registry_figure_cells_street_idx" ON "registry_figure_cells" USING btree ("street_id");--> statement-breakpoint
CREATE INDEX "registry_tag_cells_cell_idx" ON "registry_tag_cells" USING btree ("community_id","grid_id");--> statement-breakpoint
CREATE INDEX "registry_tag_cells_street_idx" ON "registry_tag_cells" USING btree ("street_id");--> statement-breakpoint
CREATE INDEX "visit_due_cells_cell_idx" ON "visit_due_cells" USING btree ("community_id","grid_id");--> statement-breakpoint
CREATE INDEX "visit_due_cells_street_idx" ON "visit_due_cells" USING btree ("street_id","due_on");--> statement-breakpoint
-- Marks the (community, grid) cells of the registry rollups that a change makes stale: the cells of the rows
-- themselves and, for the visit due cells, those of the households whose members changed. Statement triggers with
-- transition tables: one append per statement (an import of thousands of people adds a few marks), never a wait.
CREATE FUNCTION registry_figures_mark_residents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO registry_figure_marks (community_id, grid_id)
    SELECT community_id, grid_id FROM new_rows
    UNION SELECT h.community_id, h.grid_id FROM households h
      WHERE h.id IN (SELECT household_id FROM new_rows WHERE cardinality(tags) > 0);
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO registry_figure_marks (community_id, grid_id)
    SELECT community_id, grid_id FROM old_rows
    UNION SELECT h.community_id, h.grid_id FROM households h
      WHERE h.id IN (SELECT household_id FROM old_rows WHERE cardinality(tags) > 0);
  ELSE
    WITH ch AS (
      SELECT o.community_id AS oc, o.grid_id AS og, o.household_id AS oh, n.community_id AS nc, n.grid_id AS ng, n.household_id AS nh
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.district_id, o.street_id, o.community_id, o.grid_id, o.household_id, o.status, o.resident_type, o.tags)
        IS DISTINCT FROM (n.district_id, n.street_id, n.community_id, n.grid_id, n.household_id, n.status, n.resident_type, n.tags))
    INSERT INTO registry_figure_marks (community_id, grid_id)
    SELECT oc, og FROM ch UNION SELECT nc, ng FROM ch
    UNION SELECT h.community_id, h.grid_id FROM households h WHERE h.id IN (SELECT oh FROM ch UNION SELECT nh FROM ch);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION registry_figures_mark_households() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO registry_figure_marks (community_id, grid_id) SELECT DISTINCT community_id, grid_id FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO registry_figure_marks (community_id, grid_id) SELECT DISTINCT community_id, grid_id FROM old_rows;
  ELSE
    WITH ch AS (
      SELECT o.community_id AS oc, o.grid_id AS og, n.community_id AS nc, n.grid_id AS ng
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.district_id, o.street_id, o.community_id, o.grid_id, o.status, o.tags, o.created_at)
        IS DISTINCT FROM (n.district_id, n.street_id, n.community_id, n.grid_id, n.status, n.tags, n.created_at))
    INSERT INTO registry_figure_marks (community_id, grid_id) SELECT oc, og FROM ch UNION SELECT nc, ng FROM ch;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- a household's last visit moves its due day; a community's care-tag settings move those of all its households
CREATE FUNCTION registry_figures_mark_last_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO registry_figure_marks (community_id, grid_id)
    SELECT DISTINCT h.community_id, h.grid_id FROM households h WHERE h.id IN (SELECT household_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO registry_figure_marks (community_id, grid_id)
    SELECT DISTINCT h.community_id, h.grid_id FROM households h WHERE h.id IN (SELECT household_id FROM old_rows);
  ELSE
    INSERT INTO registry_figure_marks (community_id, grid_id)
    SELECT DISTINCT h.community_id, h.grid_id FROM households h
    WHERE h.id IN (SELECT household_id FROM new_rows UNION SELECT household_id FROM old_rows);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION registry_figures_mark_tag_settings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO registry_figure_marks (community_id, grid_id)
    SELECT DISTINCT h.community_id, h.grid_id FROM households h WHERE h.community_id IN (SELECT community_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO registry_figure_marks (community_id, grid_id)
    SELECT DISTINCT h.community_id, h.grid_id FROM households h WHERE h.community_id IN (SELECT community_id FROM old_rows);
  ELSE
    INSERT INTO registry_figure_marks (community_id, grid_id)
    SELECT DISTINCT h.community_id, h.grid_id FROM households h
    WHERE h.community_id IN (SELECT community_id FROM new_rows UNION SELECT community_id FROM old_rows);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION registry_figures_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM registry_figure_cells;
  DELETE FROM registry_tag_cells;
  DELETE FROM visit_due_cells;
  DELETE FROM registry_figure_marks;
  DELETE FROM registry_rollup_state;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER residents_registry_figures_insert AFTER INSERT ON residents REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_mark_residents();
--> statement-breakpoint
CREATE TRIGGER residents_registry_figures_update AFTER UPDATE ON residents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_mark_residents();
--> statement-breakpoint
CREATE TRIGGER residents_registry_figures_delete AFTER DELETE ON residents REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_mark_residents();
--> statement-breakpoint
CREATE TRIGGER households_registry_figures_insert AFTER INSERT ON households REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_mark_households();
--> statement-breakpoint
CREATE TRIGGER households_registry_figures_update AFTER UPDATE ON households REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_mark_households();
--> statement-breakpoint
CREATE TRIGGER households_registry_figures_delete AFTER DELETE ON households REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_mark_households();
--> statement-breakpoint
CREATE TRIGGER last_visits_registry_figures_insert AFTER INSERT ON household_last_visits REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_mark_last_visits();
--> statement-breakpoint
CREATE TRIGGER last_visits_registry_figures_update AFTER UPDATE ON household_last_visits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_mark_last_visits();
--> statement-breakpoint
CREATE TRIGGER last_visits_registry_figures_delete AFTER DELETE ON household_last_visits REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_mark_last_visits();
--> statement-breakpoint
CREATE TRIGGER tag_settings_registry_figures_insert AFTER INSERT ON care_tag_settings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_mark_tag_settings();
--> statement-breakpoint
CREATE TRIGGER tag_settings_registry_figures_update AFTER UPDATE ON care_tag_settings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_mark_tag_settings();
--> statement-breakpoint
CREATE TRIGGER tag_settings_registry_figures_delete AFTER DELETE ON care_tag_settings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_mark_tag_settings();
--> statement-breakpoint
CREATE TRIGGER residents_registry_figures_truncate AFTER TRUNCATE ON residents FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_reset();
--> statement-breakpoint
CREATE TRIGGER households_registry_figures_truncate AFTER TRUNCATE ON households FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_reset();
--> statement-breakpoint
CREATE TRIGGER last_visits_registry_figures_truncate AFTER TRUNCATE ON household_last_visits FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_reset();
--> statement-breakpoint
CREATE TRIGGER tag_settings_registry_figures_truncate AFTER TRUNCATE ON care_tag_settings FOR EACH STATEMENT EXECUTE FUNCTION registry_figures_reset();
