package dev.byline.web.admin;

/** A form came back without this site's token for this browser: answered 403 with what to do. */
final class CsrfRefused extends RuntimeException {

    CsrfRefused() {
        super("This form was not sent from this site's page, or the page is too old (for example, you signed in "
                + "or out in another tab since). Go back, reload the page, and send the form again.", null, false,
                false);
    }
}
