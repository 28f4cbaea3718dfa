package dev.byline.web.admin;

import java.util.List;

/** The records the two-factor pages take (/admin/profile/two-factor). */
public final class TwoFactorViews {

    private TwoFactorViews() {
    }

    /**
     * The page of one's second factor: its status and, when it is off, the set-up (a fresh secret each time the
     * page is opened, nothing stored until the app's code comes back).
     *
     * @param required  the settings require a second factor for this person's role
     * @param setUp     when off: what to scan or type, and the hidden seal; null when on
     * @param setUpForm the first code, as typed, and what is wrong with it
     * @param renewForm replacing the recovery codes: what is wrong with the password or code (never kept)
     * @param offForm   turning it off: the same
     */
    public record TwoFactorPage(AdminViews.Chrome chrome, boolean enabled, int recoveryCodesLeft, boolean required,
                                SetUp setUp, AdminViews.Form setUpForm, AdminViews.Form renewForm,
                                AdminViews.Form offForm) {

        public boolean fewCodesLeft() {
            return enabled && recoveryCodesLeft <= 3;
        }
    }

    /**
     * @param seal   for the hidden field: the secret, sealed for this account and session
     * @param key    the secret for typing by hand, in groups of four
     * @param uri    the otpauth:// link (opens the app on a phone)
     * @param qrSvg  the QR code of {@code uri}, drawn by us, its label escaped: output as it is
     */
    public record SetUp(String seal, String key, String uri, String qrSvg) {
    }

    /** The ten recovery codes, shown once: after setting up, or after replacing them. */
    public record RecoveryCodesPage(AdminViews.Chrome chrome, String heading, String lead, List<String> codes) {
    }
}
