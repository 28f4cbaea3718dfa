package dev.byline.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With no SMTP server configured (one machine, an operator at its console), mail is written to the log at INFO,
 * whole: the operator can follow an invitation or reset link from there. Nothing is lost and nothing waits.
 */
final class LogDelivery implements Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(LogDelivery.class);

    @Override
    public void deliver(Mail mail) {
        LOG.info("Mail for {} (no SMTP server is configured, so it is written here instead)\nSubject: {}\n\n{}",
                mail.to(), mail.subject(), mail.body());
    }

    @Override
    public String describe() {
        return "the log (no SMTP server is configured)";
    }
}
