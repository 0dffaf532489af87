import nodemailer from 'nodemailer';

/** One e-mail, with its plain-text and HTML parts. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Content language (RFC 3282), so mail clients pick fonts and direction. */
  lang: string;
}

/** Sends e-mail; the sender address is set when it is made. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * A mailer over SMTP (smtp:// with STARTTLS when offered, smtps:// for TLS from the start). One
 * connection per message: a daily digest is a short burst, not a stream. The timeouts bound how
 * long a claim on a digest can be held by a server that does not answer.
 */
export function createSmtpMailer(opts: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(
    { url: opts.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 },
    { from: opts.from },
  );
  return {
    async send(m) {
      await transport.sendMail({
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        headers: { 'Content-Language': m.lang, 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}
