-- The unit registry: data with validity dates, so a past period consolidates with the hierarchy valid then.
CREATE TABLE units (
  code TEXT NOT NULL,
  valid_from TEXT NOT NULL,            -- first day (ISO date) this record holds
  valid_to TEXT,                       -- last day it holds; NULL while it still holds
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('department', 'district', 'commune')),
  parent TEXT,                         -- code of the district a commune belongs to
  coordinator INTEGER NOT NULL DEFAULT 0 CHECK (coordinator IN (0, 1)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX units_by_parent ON units (parent);
