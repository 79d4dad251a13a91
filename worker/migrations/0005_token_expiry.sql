-- Tokens expire: `expires_at` is the last day (ISO date, Viet Nam) a token is accepted.
ALTER TABLE tokens ADD COLUMN expires_at TEXT;

-- Tokens made before expiry existed last a year from their creation, and at least 90 days from now,
-- so that no one is locked out the day this is deployed.
UPDATE tokens SET expires_at = max(date(created_at, '+365 days'), date('now', '+90 days')) WHERE expires_at IS NULL;
