-- Marks the (day, community) cells of order_figure_days that an order change makes stale. Only days before today
-- (China time) are marked: today is never rolled up (reads scan it), so a new order costs no write here.
CREATE FUNCTION order_figures_mark() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
  old_day date;
  new_day date;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_day := (OLD.placed_at AT TIME ZONE 'Asia/Shanghai')::date;
    IF old_day < today THEN
      INSERT INTO order_figure_dirty AS d (day, community_id) VALUES (old_day, OLD.community_id)
      ON CONFLICT (day, community_id) DO UPDATE SET seq = d.seq + 1;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_day := (NEW.placed_at AT TIME ZONE 'Asia/Shanghai')::date;
    IF new_day < today AND (TG_OP = 'INSERT' OR (new_day, NEW.community_id) IS DISTINCT FROM (old_day, OLD.community_id)) THEN
      INSERT INTO order_figure_dirty AS d (day, community_id) VALUES (new_day, NEW.community_id)
      ON CONFLICT (day, community_id) DO UPDATE SET seq = d.seq + 1;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER orders_figures_insert AFTER INSERT ON orders FOR EACH ROW
  WHEN (NEW.placed_at < date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')
  EXECUTE FUNCTION order_figures_mark();
--> statement-breakpoint
-- only changes to what the figures read; the deadline job's stage and overdue columns mark nothing
CREATE TRIGGER orders_figures_update AFTER UPDATE ON orders FOR EACH ROW
  WHEN ((OLD.placed_at < date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'
         OR NEW.placed_at < date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')
    AND (OLD.placed_at, OLD.district_id, OLD.street_id, OLD.community_id, OLD.service_id, OLD.category, OLD.handler_org_id,
         OLD.status, OLD.outcome, OLD.dispatched_at, OLD.accepted_at, OLD.handled_at, OLD.closed_at, OLD.accepted_on_time,
         OLD.closed_on_time, OLD.rework_count, OLD.extension_count, OLD.rating)
      IS DISTINCT FROM
        (NEW.placed_at, NEW.district_id, NEW.street_id, NEW.community_id, NEW.service_id, NEW.category, NEW.handler_org_id,
         NEW.status, NEW.outcome, NEW.dispatched_at, NEW.accepted_at, NEW.handled_at, NEW.closed_at, NEW.accepted_on_time,
         NEW.closed_on_time, NEW.rework_count, NEW.extension_count, NEW.rating))
  EXECUTE FUNCTION order_figures_mark();
--> statement-breakpoint
CREATE TRIGGER orders_figures_delete AFTER DELETE ON orders FOR EACH ROW
  WHEN (OLD.placed_at < date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')
  EXECUTE FUNCTION order_figures_mark();
--> statement-breakpoint
CREATE FUNCTION order_figures_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM order_figure_days;
  DELETE FROM order_figure_months;
  DELETE FROM order_figure_dirty;
  DELETE FROM figure_rollup_state;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER orders_figures_truncate AFTER TRUNCATE ON orders FOR EACH STATEMENT EXECUTE FUNCTION order_figures_reset();
