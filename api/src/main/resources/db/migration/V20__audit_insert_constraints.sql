-- What may be inserted into the audit trail, checked by PostgreSQL itself: the runtime role
-- (pave_app, insert-only) could otherwise leave a gap in the chain, or put one checkpoint row far
-- in the future and so stop every later checkpoint from being signed (docs/audit.md, "What each
-- database role can do to the trail"). Like V9's triggers, these hold for every role; only the
-- tables' owner (the migrations' role) can disable them, and the anchors outside the database
-- are what find that.
--
-- The functions run as the caller (no SECURITY DEFINER): every role that may insert here may
-- also read audit_events. Their search_path is fixed so that no object of another schema can
-- stand in for the ones named here.

-- An event continues the chain: seq is the head's seq + 1 (1 on an empty trail) and prevHash is
-- the head's hash (null for event 1). Writers hold the chain's advisory lock (AuditLog), so the
-- head read here is the one the writer built on; the read is one step down the primary key.
CREATE FUNCTION pave_audit_event_continues_chain() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, public AS $$
DECLARE
  head_seq  bigint;
  head_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM public.audit_events ORDER BY seq DESC LIMIT 1;
  IF NEW.seq IS DISTINCT FROM coalesce(head_seq, 0) + 1 THEN
    RAISE EXCEPTION 'audit_events: event % would leave a gap: the next event is %', NEW.seq, coalesce(head_seq, 0) + 1
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.prev_hash IS DISTINCT FROM head_hash THEN
    RAISE EXCEPTION 'audit_events: event % must name the hash of event % as its prevHash', NEW.seq, head_seq
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

-- A checkpoint signs the current head and nothing else: its seq is the newest event's and its
-- head hash that event's hash, and it carries a key and a signature. PostgreSQL cannot check an
-- Ed25519 signature; a row that passes here but that no trusted key signed is passed over by the
-- signer and named by verification.
CREATE FUNCTION pave_audit_checkpoint_at_head() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, public AS $$
DECLARE
  head_seq  bigint;
  head_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM public.audit_events ORDER BY seq DESC LIMIT 1;
  IF head_seq IS NULL OR NEW.seq IS DISTINCT FROM head_seq OR NEW.head_hash IS DISTINCT FROM head_hash THEN
    RAISE EXCEPTION 'audit_checkpoints: a checkpoint signs the current head (event %) and its hash, not event %',
      coalesce(head_seq, 0), NEW.seq USING ERRCODE = 'check_violation';
  END IF;
  IF btrim(coalesce(NEW.signature, '')) = '' OR btrim(coalesce(NEW.public_key, '')) = '' THEN
    RAISE EXCEPTION 'audit_checkpoints: checkpoint % has no signature or no key', NEW.seq
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_events_continue_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION pave_audit_event_continues_chain();
CREATE TRIGGER audit_checkpoints_at_head BEFORE INSERT ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION pave_audit_checkpoint_at_head();
