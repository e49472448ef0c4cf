package org.kintsugi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mail sender Kintsugi makes from {@code spring.mail.*}, as Spring Boot's own would be. */
class MailerTests {

    @Test
    void withoutAHostMailIsOff() {
        assertThat(Mailer.sender(new MailProperties())).isNull();
        MailProperties blank = new MailProperties();
        blank.setHost("  ");
        assertThat(Mailer.sender(blank)).isNull();
    }

    @Test
    void theSenderTakesEverySetting() {
        MailProperties mail = new MailProperties();
        mail.setHost("smtp.example.org");
        mail.setPort(587);
        mail.setUsername("kintsugi");
        mail.setPassword("s3cret");
        mail.getProperties().put("mail.smtp.starttls.enable", "true");

        JavaMailSenderImpl sender = (JavaMailSenderImpl) Mailer.sender(mail);

        assertThat(sender).isNotNull();
        assertThat(sender.getHost()).isEqualTo("smtp.example.org");
        assertThat(sender.getPort()).isEqualTo(587);
        assertThat(sender.getUsername()).isEqualTo("kintsugi");
        assertThat(sender.getPassword()).isEqualTo("s3cret");
        assertThat(sender.getProtocol()).isEqualTo("smtp");
        assertThat(sender.getDefaultEncoding()).isEqualTo("UTF-8");
        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.starttls.enable", "true");
    }

    @Test
    void implicitTlsIsTurnedOnForTheProtocolInUse() {
        MailProperties mail = new MailProperties();
        mail.setHost("smtp.example.org");
        mail.setProtocol("smtps");
        mail.getSsl().setEnabled(true);

        JavaMailSenderImpl sender = (JavaMailSenderImpl) Mailer.sender(mail);

        assertThat(sender).isNotNull();
        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtps.ssl.enable", "true");
    }
}
