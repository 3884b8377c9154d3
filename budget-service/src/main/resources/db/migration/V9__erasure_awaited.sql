-- common-lib's ErasedUsers.lockAndCheck as one call, for a write that must not outlive the user's erasure and wants
-- to be a single statement (issue 9: the stored dashboard's miss, StoredDashboardRepository.STORE): waits for a
-- running erasure of the user (the erasure's advisory lock, shared, held until the caller's transaction ends: the
-- implicit one of a single statement), then answers whether the user was erased.
--
-- Why a function and not the lock and the tombstone's probe written into the caller's statement: in READ COMMITTED
-- a statement reads with the snapshot taken when it started, before it waited for the lock, so it would not see
-- the tombstone of the erasure it waited for. A VOLATILE function takes a new snapshot for each query it runs: the
-- probe below runs after the wait and sees what the erasure committed.
CREATE FUNCTION erasure_awaited(erased UUID) RETURNS BOOLEAN LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    -- the lock of ErasedUsers.LOCK_EXCLUSIVE / LOCK_SHARED, same key
    PERFORM pg_advisory_xact_lock_shared(hashtextextended(CAST(erased AS text), 0));
    RETURN EXISTS (SELECT 1 FROM erased_user WHERE user_id = erased);
END $$;
