-- A submission is the series of revisions one unit files for one template and period.
CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  unit_code TEXT NOT NULL,
  template TEXT NOT NULL,
  period TEXT NOT NULL,
  latest_revision INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (unit_code, template, period)
);
CREATE INDEX submissions_by_period ON submissions (template, period);

-- Every revision is kept as received; the latest counts.
CREATE TABLE revisions (
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  template_version TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  received_at TEXT NOT NULL,
  days_late INTEGER NOT NULL,
  hash TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('json', 'xlsx')),
  body TEXT NOT NULL,
  report TEXT NOT NULL,
  warnings INTEGER NOT NULL,
  submitted_by TEXT NOT NULL,
  PRIMARY KEY (submission_id, revision)
);

CREATE TRIGGER revisions_are_immutable BEFORE UPDATE ON revisions
BEGIN
  SELECT RAISE(ABORT, 'revisions are immutable');
END;
CREATE TRIGGER revisions_are_kept BEFORE DELETE ON revisions
BEGIN
  SELECT RAISE(ABORT, 'revisions are kept');
END;

-- DIC's review of a revision: accepted, or returned with a comment the clerk sees.
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  submission_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'returned')),
  comment TEXT,
  reviewed_by TEXT NOT NULL,
  reviewed_at TEXT NOT NULL,
  FOREIGN KEY (submission_id, revision) REFERENCES revisions (submission_id, revision)
);
CREATE INDEX reviews_by_revision ON reviews (submission_id, revision);

-- A retried request with the same Idempotency-Key returns the revision the first one stored.
CREATE TABLE idempotency_keys (
  token_id TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  submission_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (token_id, key)
);
