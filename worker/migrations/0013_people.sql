-- People sign in as themselves. chitieu keeps who they are (people), how a provider names them
-- (identities: issuer + subject) and what they may do (memberships, dated like the registry).

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  -- The verified e-mail or username a first sign-in is linked by (lower case).
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- One provider's name for a person; a person may have several (a new provider, a second account).
CREATE TABLE identities (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  person_id TEXT NOT NULL REFERENCES people (id),
  linked_at TEXT NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX identities_by_person ON identities (person_id);

-- What a person may do, from a day to a day (both Viet Nam days, inclusive). A membership is never
-- deleted: it is ended, so the audit can always say which one a person used.
CREATE TABLE memberships (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id TEXT NOT NULL REFERENCES people (id),
  role TEXT NOT NULL CHECK (role IN ('unit', 'dic', 'auditor')),
  unit_code TEXT,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  -- 'registered' by DIC, or 'claim': given by the deployment's claim rule (unit memberships only).
  source TEXT NOT NULL DEFAULT 'registered' CHECK (source IN ('registered', 'claim')),
  created_at TEXT NOT NULL,
  CHECK ((role = 'unit') = (unit_code IS NOT NULL) OR role = 'dic'),
  CHECK (role <> 'auditor' OR unit_code IS NULL),
  CHECK (source = 'registered' OR role = 'unit'),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  UNIQUE (person_id, role, unit_code, valid_from)
);
CREATE INDEX memberships_by_person ON memberships (person_id, valid_from);
CREATE TRIGGER memberships_are_kept BEFORE DELETE ON memberships
BEGIN
  SELECT RAISE(ABORT, 'memberships are ended, not deleted');
END;

-- Sessions of people signed in through the provider: short-lived, revocable, stored as hashes only.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  person_id TEXT NOT NULL REFERENCES people (id),
  membership_id INTEGER NOT NULL REFERENCES memberships (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen_at TEXT,
  ended_at TEXT,
  ended_by TEXT
);
CREATE INDEX sessions_by_person ON sessions (person_id);
CREATE INDEX sessions_open ON sessions (expires_at) WHERE ended_at IS NULL;

-- A sign-in under way: the state (hashed), the nonce and the PKCE verifier, kept minutes and used once.
CREATE TABLE sign_ins (
  state_hash TEXT PRIMARY KEY,
  nonce TEXT NOT NULL,
  verifier TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

-- The one-time code the sign-in page hands back to the pane, hashed; traded once for a session.
CREATE TABLE hand_backs (
  code_hash TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people (id),
  membership_id INTEGER NOT NULL REFERENCES memberships (id),
  expires_at TEXT NOT NULL
);

-- Tokens for scripts belong to a person (tokens made before stay valid until they expire).
ALTER TABLE tokens ADD COLUMN person_id TEXT REFERENCES people (id);

-- The audit names the person and the membership in use; filings and reviews keep who made them.
ALTER TABLE audit_log ADD COLUMN person_id TEXT;
ALTER TABLE audit_log ADD COLUMN membership_id INTEGER;
ALTER TABLE revisions ADD COLUMN submitted_by_person TEXT;
ALTER TABLE reviews ADD COLUMN reviewed_by_person TEXT;
