-- A change is written only while whoever makes it is still signed in. A request signs its caller in
-- when it starts and writes later: a token revoked, or a session ended, in between (DIC stopping a
-- leaked token, a clerk signing out elsewhere) must stop the write, not let it through. Every change
-- made through the API carries its audit entry, naming the token or session, in the same batch, so
-- the check sits on the audit log and the whole batch is refused with it. Entries by the
-- administration scripts ('admin') and by a sign-in in progress name no token and pass.
CREATE TRIGGER audit_actor_token_in_force BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM tokens WHERE id = NEW.actor AND revoked_at IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'signed_out: token_revoked');
END;

CREATE TRIGGER audit_actor_session_open BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM sessions WHERE id = NEW.actor AND ended_at IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'signed_out: session_ended');
END;
