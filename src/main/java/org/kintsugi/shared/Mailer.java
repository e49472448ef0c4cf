package org.kintsugi.shared;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Send Kintsugi's mails over the SMTP server set with {@code spring.mail.host} (and {@code port}, {@code username},
 * {@code password}, {@code protocol}, {@code properties.mail.smtp.starttls.enable}) from {@code kintsugi.mail.from}.
 * Without a host, mail is off and {@link #send} says so rather than failing.
 *
 * <p>The sender is made here from those settings as the process starts, not by Spring Boot's mail auto-configuration
 * (excluded in {@code application.yml}): that one decides whether a sender exists by a condition on the host, which
 * the build-time processing of the AOT start (README, Start-up) weighs once, at build time, without the host a server
 * is given later.
 */
@Component
@EnableConfigurationProperties(MailProperties.class)
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final Optional<JavaMailSender> sender;
    private final String from;
    private final String baseUrl;

    Mailer(
            MailProperties mail,
            @Value("${kintsugi.mail.from:Kintsugi <kintsugi@localhost>}") String from,
            @Value("${kintsugi.base-url:http://localhost:8080}") String baseUrl) {
        this.sender = Optional.ofNullable(sender(mail));
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Make the sender {@code spring.mail.*} describes, or none without a host (as Spring Boot's would be). */
    static @Nullable JavaMailSender sender(MailProperties mail) {
        if (!StringUtils.hasText(mail.getHost())) {
            return null;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setPassword(mail.getPassword());
        sender.setProtocol(mail.getProtocol());
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        Properties properties = new Properties();
        properties.putAll(mail.getProperties());
        if (mail.getSsl().isEnabled()) {
            String protocol = StringUtils.hasLength(mail.getProtocol()) ? mail.getProtocol() : "smtp";
            properties.setProperty("mail." + protocol + ".ssl.enable", "true");
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }

    /** Return whether an SMTP server is configured. */
    public boolean enabled() {
        return sender.isPresent();
    }

    /** Return the address people reach Kintsugi at, without a trailing slash, for links in mails. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Send one mail with a plain-text body and an HTML alternative.
     *
     * @return whether it was handed to the SMTP server; false when mail is off
     * @throws MailException when the server refuses it or cannot be reached
     */
    public boolean send(String to, String subject, String text, String html) {
        return send(to, subject, text, html, List.of());
    }

    /**
     * Send one mail with a plain-text body, an HTML alternative and attachments, such as an invitation's iCalendar
     * file.
     *
     * @return whether it was handed to the SMTP server; false when mail is off
     * @throws MailException when the server refuses it or cannot be reached
     */
    public boolean send(String to, String subject, String text, String html, List<Attachment> attachments) {
        return send(to, subject, text, html, attachments, Map.of());
    }

    /**
     * Send one mail with a plain-text body, an HTML alternative, attachments and extra headers, such as
     * {@code List-Unsubscribe} (RFC 2369).
     *
     * @return whether it was handed to the SMTP server; false when mail is off
     * @throws MailException when the server refuses it or cannot be reached
     */
    public boolean send(
            String to,
            String subject,
            String text,
            String html,
            List<Attachment> attachments,
            Map<String, String> headers) {
        if (sender.isEmpty()) {
            log.debug("Mail is off (no spring.mail.host): not sending '{}' to {}", subject, to);
            return false;
        }
        JavaMailSender smtp = sender.get();
        MimeMessage message = smtp.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            for (Attachment attachment : attachments) {
                helper.addAttachment(
                        attachment.filename(), new ByteArrayResource(attachment.content()), attachment.contentType());
            }
        } catch (MessagingException e) {
            throw new InvalidInputException("to", "is not a mail address Kintsugi can send to: " + e.getMessage());
        }
        smtp.send(message);
        return true;
    }

    /**
     * A file sent with a mail.
     *
     * @param contentType the MIME type with its parameters, e.g. {@code text/calendar; method=REQUEST; charset=UTF-8}
     */
    public record Attachment(String filename, String contentType, byte[] content) {}
}
