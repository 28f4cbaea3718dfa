package dev.byline.account;

/** The account services as the composition root wires them, for the admin, the command line and tests. */
public record Accounts(AccountService service, SignIn signIn, Sessions sessions, ActivityLog activity,
                       SignInThrottle throttle, TwoFactorService twoFactor, ProfileService profiles,
                       ApiKeys apiKeys) {
}
