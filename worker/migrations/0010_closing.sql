-- Closing a period (chốt số liệu): what was sent upward stays as sent.

-- The periods closed now, or being closed: while a period has a row here, nothing that would change its
-- consolidation is written (the triggers below). `first_day`/`last_day` bound the period for the registry.
-- This is the one table of the closing that changes: a close takes the row ('closing'), finishes it
-- ('closed'), and a reopen removes it. Its history is in the append-only tables below.
CREATE TABLE period_locks (
  period TEXT PRIMARY KEY,
  first_day TEXT NOT NULL,
  last_day TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('closing', 'closed')),
  -- Which close request holds the row, so a request that lost it never finishes someone else's close.
  holder TEXT NOT NULL,
  since TEXT NOT NULL
);

-- Every close of a period, numbered from 1 without gaps; kept as it was.
CREATE TABLE period_closes (
  period TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  closed_at TEXT NOT NULL,
  closed_by TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (period, version)
);

-- The files of each close (json, xlsx, docx) as served, with their hash; the bytes in chunks under D1's
-- 2 MB limit on a value.
CREATE TABLE period_close_files (
  period TEXT NOT NULL,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('json', 'xlsx', 'docx')),
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  chunks INTEGER NOT NULL,
  PRIMARY KEY (period, version, kind),
  FOREIGN KEY (period, version) REFERENCES period_closes (period, version)
);
CREATE TABLE period_close_chunks (
  period TEXT NOT NULL,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  seq INTEGER NOT NULL,
  content BLOB NOT NULL,
  PRIMARY KEY (period, version, kind, seq)
);

-- A reopen ends one close, with its reason.
CREATE TABLE period_reopens (
  period TEXT NOT NULL,
  version INTEGER NOT NULL,
  reopened_at TEXT NOT NULL,
  reopened_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (period, version),
  FOREIGN KEY (period, version) REFERENCES period_closes (period, version)
);

-- A close is the next of its period, and only while its request holds the period.
CREATE TRIGGER period_closes_follow_their_period BEFORE INSERT ON period_closes
WHEN NEW.version IS NOT (SELECT coalesce(max(version), 0) + 1 FROM period_closes WHERE period = NEW.period)
BEGIN
  SELECT RAISE(ABORT, 'a close must be the next of its period');
END;

-- What was closed is kept as closed.
CREATE TRIGGER period_closes_are_immutable BEFORE UPDATE ON period_closes
BEGIN
  SELECT RAISE(ABORT, 'closes are immutable');
END;
CREATE TRIGGER period_closes_are_kept BEFORE DELETE ON period_closes
BEGIN
  SELECT RAISE(ABORT, 'closes are kept');
END;
CREATE TRIGGER period_close_files_are_immutable BEFORE UPDATE ON period_close_files
BEGIN
  SELECT RAISE(ABORT, 'closed files are immutable');
END;
CREATE TRIGGER period_close_files_are_kept BEFORE DELETE ON period_close_files
BEGIN
  SELECT RAISE(ABORT, 'closed files are kept');
END;
CREATE TRIGGER period_close_chunks_are_immutable BEFORE UPDATE ON period_close_chunks
BEGIN
  SELECT RAISE(ABORT, 'closed files are immutable');
END;
CREATE TRIGGER period_close_chunks_are_kept BEFORE DELETE ON period_close_chunks
BEGIN
  SELECT RAISE(ABORT, 'closed files are kept');
END;
CREATE TRIGGER period_reopens_are_immutable BEFORE UPDATE ON period_reopens
BEGIN
  SELECT RAISE(ABORT, 'reopens are immutable');
END;
CREATE TRIGGER period_reopens_are_kept BEFORE DELETE ON period_reopens
BEGIN
  SELECT RAISE(ABORT, 'reopens are kept');
END;

-- The filings a closed period's consolidation reads: its own, and those of the shorter periods within it
-- (2024-Q1 in 2024-H1 or 2024) by a unit that ended during it, which cover that unit's part.
CREATE VIEW closed_filings AS
SELECT s.id AS submission_id, l.period AS closed_period FROM submissions s JOIN period_locks l ON l.period = s.period
UNION ALL
SELECT s.id, l.period FROM submissions s JOIN period_locks l
  ON substr(s.period, 1, 4) = substr(l.period, 1, 4) AND s.period <> l.period
 AND (length(l.period) = 4
      OR l.period LIKE '%-H1' AND (s.period LIKE '%-Q1' OR s.period LIKE '%-Q2')
      OR l.period LIKE '%-H2' AND (s.period LIKE '%-Q3' OR s.period LIKE '%-Q4'))
WHERE EXISTS (SELECT 1 FROM units u WHERE u.code = s.unit_code AND u.valid_to >= l.first_day AND u.valid_to < l.last_day)
  AND NOT EXISTS (SELECT 1 FROM units u WHERE u.code = s.unit_code AND u.valid_from <= l.last_day AND coalesce(u.valid_to, '9999-12-31') >= l.last_day);

-- While a period is closed (or being closed), no filing or review it reads is stored. The worker turns
-- the message into a 409 `period_closed` naming the period.
CREATE TRIGGER revisions_of_closed_periods BEFORE INSERT ON revisions
WHEN EXISTS (SELECT 1 FROM closed_filings WHERE submission_id = NEW.submission_id)
BEGIN
  SELECT RAISE(ABORT, 'period_closed');
END;
CREATE TRIGGER reviews_of_closed_periods BEFORE INSERT ON reviews
WHEN EXISTS (SELECT 1 FROM closed_filings WHERE submission_id = NEW.submission_id)
BEGIN
  SELECT RAISE(ABORT, 'period_closed');
END;

-- The registry alters a closed period when a record in force some day of it is added or removed, or
-- changes what it says about those days: its fields, or the days of the period it covers. A record that
-- lies wholly outside every closed period, or an end date moved within days after the period, is free
-- (shared/registry/closed-periods.ts says the same for the answer's words and the dry run).
-- An insert over an existing record (an upsert, or a replace, which fires no delete trigger) is judged
-- against that record, as an update is.
CREATE TRIGGER units_insert_in_closed_periods BEFORE INSERT ON units
WHEN EXISTS (
  SELECT 1 FROM period_locks l LEFT JOIN units o ON o.code = NEW.code AND o.valid_from = NEW.valid_from
  WHERE (NEW.valid_from <= l.last_day AND coalesce(NEW.valid_to, '9999-12-31') >= l.first_day
         OR o.code IS NOT NULL AND o.valid_from <= l.last_day AND coalesce(o.valid_to, '9999-12-31') >= l.first_day)
    AND (o.code IS NULL OR NEW.name IS NOT o.name OR NEW.kind IS NOT o.kind OR NEW.parent IS NOT o.parent
         OR NEW.coordinator IS NOT o.coordinator OR NEW.successors IS NOT o.successors OR NEW.change IS NOT o.change
         OR NEW.province IS NOT o.province OR NEW.catalogue IS NOT o.catalogue OR NEW.contact IS NOT o.contact
         OR min(coalesce(NEW.valid_to, '9999-12-31'), l.last_day) IS NOT min(coalesce(o.valid_to, '9999-12-31'), l.last_day)))
BEGIN
  SELECT RAISE(ABORT, 'period_closed');
END;
CREATE TRIGGER units_delete_in_closed_periods BEFORE DELETE ON units
WHEN EXISTS (SELECT 1 FROM period_locks l WHERE OLD.valid_from <= l.last_day AND coalesce(OLD.valid_to, '9999-12-31') >= l.first_day)
BEGIN
  SELECT RAISE(ABORT, 'period_closed');
END;
CREATE TRIGGER units_update_in_closed_periods BEFORE UPDATE ON units
WHEN EXISTS (
  SELECT 1 FROM period_locks l
  WHERE (OLD.valid_from <= l.last_day AND coalesce(OLD.valid_to, '9999-12-31') >= l.first_day
         OR NEW.valid_from <= l.last_day AND coalesce(NEW.valid_to, '9999-12-31') >= l.first_day)
    AND (NEW.code IS NOT OLD.code OR NEW.name IS NOT OLD.name OR NEW.kind IS NOT OLD.kind OR NEW.parent IS NOT OLD.parent
         OR NEW.coordinator IS NOT OLD.coordinator OR NEW.successors IS NOT OLD.successors OR NEW.change IS NOT OLD.change
         OR NEW.province IS NOT OLD.province OR NEW.catalogue IS NOT OLD.catalogue OR NEW.contact IS NOT OLD.contact
         OR max(NEW.valid_from, l.first_day) IS NOT max(OLD.valid_from, l.first_day)
         OR min(coalesce(NEW.valid_to, '9999-12-31'), l.last_day) IS NOT min(coalesce(OLD.valid_to, '9999-12-31'), l.last_day)))
BEGIN
  SELECT RAISE(ABORT, 'period_closed');
END;
