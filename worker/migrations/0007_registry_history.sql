-- The registry keeps who succeeded whom; each filing keeps its unit as it was when filed.

-- A record that ends names the units that took over (space-separated codes) and how.
ALTER TABLE units ADD COLUMN successors TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN change TEXT CHECK (change IS NULL OR change IN ('merge', 'split', 'rename'));

-- The unit as filed: a later renaming or regrouping of the registry never changes a past consolidation.
ALTER TABLE revisions ADD COLUMN unit_name TEXT;
ALTER TABLE revisions ADD COLUMN unit_kind TEXT;
ALTER TABLE revisions ADD COLUMN unit_parent TEXT;

-- Revisions filed before this migration take the record in force on the day they were received
-- (or the unit's latest record): the one every consolidation showed them with so far. Revisions are
-- immutable; the trigger is lifted for this one deliberate backfill and put back at once.
DROP TRIGGER revisions_are_immutable;
UPDATE revisions SET
  unit_name = (SELECT u.name FROM units u JOIN submissions s ON s.unit_code = u.code WHERE s.id = revisions.submission_id
               ORDER BY (u.valid_from <= substr(revisions.received_at, 1, 10)) DESC, u.valid_from DESC LIMIT 1),
  unit_kind = (SELECT u.kind FROM units u JOIN submissions s ON s.unit_code = u.code WHERE s.id = revisions.submission_id
               ORDER BY (u.valid_from <= substr(revisions.received_at, 1, 10)) DESC, u.valid_from DESC LIMIT 1),
  unit_parent = (SELECT u.parent FROM units u JOIN submissions s ON s.unit_code = u.code WHERE s.id = revisions.submission_id
               ORDER BY (u.valid_from <= substr(revisions.received_at, 1, 10)) DESC, u.valid_from DESC LIMIT 1);
CREATE TRIGGER revisions_are_immutable BEFORE UPDATE ON revisions
BEGIN
  SELECT RAISE(ABORT, 'revisions are immutable');
END;

-- Reading a period's filings and a unit's history stays quick as years of periods pile up.
CREATE INDEX submissions_by_period_only ON submissions (period, template);
CREATE INDEX submissions_by_unit ON submissions (unit_code, period);
CREATE INDEX units_by_code ON units (code, valid_from);
