-- The registry cannot strand history, and concurrent writes cannot leave it inconsistent.

-- Fields of a record: the other province a unit belonged to (NULL: this one), the keeper of the
-- province's catalogue of administrative procedures, and whom to call.
ALTER TABLE units ADD COLUMN province TEXT;
ALTER TABLE units ADD COLUMN catalogue INTEGER NOT NULL DEFAULT 0 CHECK (catalogue IN (0, 1));
ALTER TABLE units ADD COLUMN contact TEXT;

-- A write batch states what it read as a guard row: a guard that no longer holds aborts the whole
-- batch (the request answers 409 with Retry-After), one that holds stores nothing.
CREATE TABLE write_guards (what TEXT NOT NULL, ok INTEGER NOT NULL);
CREATE TRIGGER write_guards_hold BEFORE INSERT ON write_guards
BEGIN
  SELECT RAISE(ABORT, 'write_conflict') WHERE NOT NEW.ok;
  SELECT RAISE(IGNORE);
END;

-- Every change of the registry moves its version, so an import or a retraction planned on one
-- version is written only onto that version.
CREATE TABLE registry_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO registry_version (id, version) VALUES (1, 0);
CREATE TRIGGER units_insert_version AFTER INSERT ON units BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER units_update_version AFTER UPDATE ON units BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER units_delete_version AFTER DELETE ON units BEGIN UPDATE registry_version SET version = version + 1; END;

-- The end a record had when its unit filed under it (the earliest over its filings; NULL: open), so
-- an end can move back up to it but never past it.
CREATE TABLE filed_record_ends (
  code TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  PRIMARY KEY (code, valid_from)
);
INSERT OR IGNORE INTO filed_record_ends (code, valid_from, valid_to)
SELECT u.code, u.valid_from, u.valid_to FROM units u
WHERE EXISTS (
  SELECT 1 FROM submissions s WHERE s.unit_code = u.code
    AND substr(s.period, 1, 4) || CASE WHEN length(s.period) = 4 OR s.period LIKE '%-H1' OR s.period LIKE '%-Q1' THEN '-01-01'
      WHEN s.period LIKE '%-Q2' THEN '-04-01' WHEN s.period LIKE '%-H2' OR s.period LIKE '%-Q3' THEN '-07-01' ELSE '-10-01' END
      <= coalesce(u.valid_to, '9999-12-31')
    AND substr(s.period, 1, 4) || CASE WHEN s.period LIKE '%-Q1' THEN '-03-31' WHEN s.period LIKE '%-Q2' OR s.period LIKE '%-H1' THEN '-06-30'
      WHEN s.period LIKE '%-Q3' THEN '-09-30' ELSE '-12-31' END
      >= u.valid_from
);

-- A rotated token names its replacement, so revoking it does not answer "done" while the
-- replacement still works.
ALTER TABLE tokens ADD COLUMN replaced_by TEXT;
