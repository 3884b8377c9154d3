package io.mita.auth.account;

/** Account collaborators for web slices of other packages. */
public final class AccountFixtures {

    private AccountFixtures() {}

    /** Profiles with no store behind them: for slices whose requests are refused before a profile is read. */
    public static UserProfiles profilesNeverRead() {
        return new UserProfiles(null, null);
    }
}
