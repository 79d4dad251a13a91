-- What was filed, reviewed and logged stays as it was: the database refuses anything but appending.

-- A series only ever gains its next revision; nothing else of it changes, and it is never removed.
CREATE TRIGGER submissions_only_gain_revisions BEFORE UPDATE ON submissions
WHEN NEW.latest_revision IS NOT OLD.latest_revision + 1
  OR NEW.id IS NOT OLD.id OR NEW.unit_code IS NOT OLD.unit_code OR NEW.template IS NOT OLD.template
  OR NEW.period IS NOT OLD.period OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, 'a submission series only gains its next revision');
END;
CREATE TRIGGER submissions_are_kept BEFORE DELETE ON submissions
BEGIN
  SELECT RAISE(ABORT, 'submissions are kept');
END;

-- A revision is stored only as the next of its series.
CREATE TRIGGER revisions_follow_their_series BEFORE INSERT ON revisions
WHEN NEW.revision IS NOT (SELECT latest_revision FROM submissions WHERE id = NEW.submission_id)
BEGIN
  SELECT RAISE(ABORT, 'a revision must be the next of its series');
END;

-- A review is a decision taken: kept as it was.
CREATE TRIGGER reviews_are_immutable BEFORE UPDATE ON reviews
BEGIN
  SELECT RAISE(ABORT, 'reviews are immutable');
END;
CREATE TRIGGER reviews_are_kept BEFORE DELETE ON reviews
BEGIN
  SELECT RAISE(ABORT, 'reviews are kept');
END;

CREATE TRIGGER audit_is_kept BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
