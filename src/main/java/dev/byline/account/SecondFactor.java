package dev.byline.account;

/** Checks the code of an account's second factor (an authenticator app's code or a recovery code). */
public interface SecondFactor {

    /** Whether {@code code} is right for {@code user} now; a code is accepted once. */
    boolean verify(User user, String code, Actor actor);
}
