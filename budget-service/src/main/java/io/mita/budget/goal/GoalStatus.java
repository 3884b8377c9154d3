package io.mita.budget.goal;

/**
 * Where a goal stands. ACTIVE and PAUSED goals take contributions (a pause only stops the automatic
 * monthly transfer and tells the app to stop nudging); COMPLETED is final: reached (automatically, when
 * the saved amount reaches the target) or declared done by the user.
 */
enum GoalStatus {
    ACTIVE,
    PAUSED,
    COMPLETED
}
