-- Goals fed from the monthly plan's savings target (docs/budget.md, "Goals", "Plan savings"); needs the
-- budget_plan table of V2.
--
-- goal_allocation: the part of each month's plan savings target a goal gets, in the goal's currency, and
-- whether it is moved into the goal automatically each month. One row per goal at most (PUT replaces it).
CREATE TABLE goal_allocation (
    goal_id        UUID           PRIMARY KEY CONSTRAINT goal_allocation_goal_fk REFERENCES goal (id),
    user_id        UUID           NOT NULL,
    monthly_amount NUMERIC(19, 4) NOT NULL CONSTRAINT goal_allocation_positive CHECK (monthly_amount > 0),
    currency       CHAR(3)        NOT NULL CONSTRAINT goal_allocation_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
    auto_transfer  BOOLEAN        NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL
);
-- The sum of a user's allocations (the savings-target rule) and the monthly transfer's work list.
CREATE INDEX goal_allocation_user ON goal_allocation (user_id);

-- The month an automatic transfer was made for: at most one per goal and month, whatever runs the job.
ALTER TABLE goal_contribution ADD COLUMN transfer_month DATE;
ALTER TABLE goal_contribution ADD CONSTRAINT goal_contribution_transfer_month_iff_auto
    CHECK ((source = 'AUTO_TRANSFER') = (transfer_month IS NOT NULL));
CREATE UNIQUE INDEX goal_contribution_one_transfer_a_month
    ON goal_contribution (goal_id, transfer_month)
    WHERE transfer_month IS NOT NULL;
