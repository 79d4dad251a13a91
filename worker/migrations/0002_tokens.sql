-- Bearer tokens. Only a SHA-256 hash of each token is stored; the token itself is shown once.
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('unit', 'dic', 'auditor')),
  unit_code TEXT,
  label TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT,
  revoked_at TEXT,
  last_used_at TEXT,
  CHECK ((role = 'unit') = (unit_code IS NOT NULL) OR role = 'dic')
);
