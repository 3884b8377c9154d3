-- The dashboard's next goals (docs/budget.md, "Dashboard"): a user's live ACTIVE goals, nearest target date
-- first. Partial, so paused, completed and deleted goals are not in it; the listing index goal_user_listing
-- (creation order) cannot give this order without a sort of all the user's goals.
CREATE INDEX goal_user_next ON goal (user_id, target_date, created_at, id)
    WHERE deleted_at IS NULL AND status = 'ACTIVE';
