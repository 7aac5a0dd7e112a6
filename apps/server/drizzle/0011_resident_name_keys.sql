-- Search keys for resident names (registry name search, issue 12): every one- and two-character piece of the
-- lower-cased name, plain and prefixed with 'c' or 's' and the first 8 hex digits of the community or street id,
-- so a short name is found through the index within one community or street, whatever the district's size.
-- A prefix shared by two areas only costs a recheck: queries keep the scope filter and the exact name match.
CREATE OR REPLACE FUNCTION resident_name_keys(community_id uuid, street_id uuid, name text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  n text := lower(name);
  c text := 'c' || left(community_id::text, 8);
  s text := 's' || left(street_id::text, 8);
  len int := char_length(n);
  g text;
  keys text[] := '{}';
BEGIN
  FOR i IN 1..len LOOP
    g := substr(n, i, 1);
    keys := keys || ARRAY[g, c || g, s || g];
    IF i < len THEN
      g := substr(n, i, 2);
      keys := keys || ARRAY[g, c || g, s || g];
    END IF;
  END LOOP;
  RETURN keys;
END $$;
--> statement-breakpoint
CREATE INDEX "residents_name_keys_idx" ON "residents" USING gin (resident_name_keys("community_id", "street_id", "name"));
