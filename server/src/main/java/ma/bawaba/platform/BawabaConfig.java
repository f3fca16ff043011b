package ma.bawaba.platform;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/** Every tunable number of the platform, typed; defaults here, overrides in application.properties or the environment. */
@ConfigMapping(prefix = "bawaba")
public interface BawabaConfig {

    Security security();

    Tracking tracking();

    Paging paging();

    Idempotency idempotency();

    Submissions submissions();

    Demo demo();

    Http http();

    Attachments attachments();

    Complaints complaints();

    Information information();

    Documents documents();

    Payments payments();

    Statistics statistics();

    Inbox inbox();

    Retention retention();

    Outbox outbox();

    Webhooks webhooks();

    Mail mail();

    /**
     * The outbox sender (webhooks and e-mail): how often it runs, how much one claim takes, and the retry schedule
     * (platform.outbox.RetrySchedule: after the n-th failure, a random wait in [d/2, d] with d = first-retry × 2^(n-1)
     * capped at max-retry-delay; given up after max-attempts in all).
     */
    interface Outbox {
        @WithDefault("5s")
        String sendEvery();

        @WithDefault("20")
        int batchSize();

        /** How long a claimed message is this sender's; past it another sender may take it (a sender that died). */
        @WithDefault("PT5M")
        Duration claimFor();

        @WithDefault("PT30S")
        Duration firstRetry();

        @WithDefault("PT6H")
        Duration maxRetryDelay();

        @WithDefault("12")
        int maxAttempts();

        /** How long a delivered or given-up message (and its attempts) stays listed after its last attempt. */
        @WithDefault("P30D")
        Duration keepFor();

        /** How often finished messages past keep-for are deleted. */
        @WithDefault("1h")
        String purgeEvery();
    }

    /** Webhook subscriptions of institutions and offices (Standard Webhooks). */
    interface Webhooks {
        /**
         * Plain {@code http} to a loopback address (a receiver on the same machine): in demo mode when not set.
         * Never in production: it would let a subscription reach the server's own services.
         */
        Optional<Boolean> loopbackAllowed();

        /** Connect and read time-out of one delivery. */
        @WithDefault("PT10S")
        Duration timeout();

        /** After a secret rotation, how long the previous secret also signs. */
        @WithDefault("PT24H")
        Duration rotationOverlap();

        /** Failed attempts in a row after which a subscription is disabled until its owner enables it again. */
        @WithDefault("50")
        int disableAfterFailures();
    }

    /** E-mail to the citizen about their case (Quarkus Mailer: quarkus.mailer.* holds the SMTP server). */
    interface Mail {
        /**
         * Writes each message as an {@code .eml} file in this folder instead of sending it (the demo, which has no
         * SMTP server: the data folder's {@code mail}).
         */
        Optional<java.nio.file.Path> folder();

        /** Where the citizen follows a case with its number and e-mail address, as the e-mails say. */
        @WithDefault("https://bawaba.ma/suivi")
        String trackingUrl();
    }

    interface Security {
        /** A key with the ADMIN role that exists only in configuration, to create the first real keys. */
        Optional<String> bootstrapAdminKey();

        /** HMAC secret of case tokens; must be the same on every instance. */
        String caseTokenSecret();

        /** Lifetime of the token returned at submission. */
        @WithDefault("P30D")
        Duration submissionTokenTtl();
    }

    interface Tracking {
        /** Lifetime of the token returned by POST /tracking. */
        @WithDefault("PT1H")
        Duration tokenTtl();

        /** Look-ups allowed per client address and window, across all instances (they count in the database). */
        @WithDefault("10")
        int maxLookups();

        @WithDefault("PT1M")
        Duration window();
    }

    interface Paging {
        @WithDefault("20")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();

        /**
         * HMAC key of list cursors, the same on every instance (a cursor from one instance is read by another). When
         * absent, a key is derived from {@code bawaba.security.case-token-secret}.
         */
        Optional<String> cursorSecret();
    }

    /**
     * Limits on filing new cases, the same for every service, counted in the database across instances. Tight per
     * requester identity (e-mail, identity document); generous per client address, because many citizens share one
     * address behind a mobile carrier's NAT.
     */
    interface Submissions {
        /** Cases one requester (one e-mail, or one identity document) may file per window and service. */
        @WithDefault("10")
        int perIdentity();

        /** Cases one client address may file per window and service. */
        @WithDefault("1000")
        int perAddress();

        @WithDefault("PT1H")
        Duration window();
    }

    interface Idempotency {
        /** How long a stored response answers replays. */
        @WithDefault("P1D")
        Duration retention();

        /** How often records past their retention are deleted. */
        @WithDefault("1h")
        String purgeEvery();
    }

    interface Http {
        /**
         * Largest JSON body. quarkus.http.limits.max-body-size is the absolute limit and must leave room for one
         * attachment upload; every other request is held to this one.
         */
        @WithDefault("1M")
        MemorySize maxJsonBody();

        /** How long any cache may keep public reference data and the FAQ before revalidating it ({@code max-age}). */
        @WithDefault("PT5M")
        Duration publicMaxAge();
    }

    interface Attachments {
        /** Where attachment content is kept: in the database, or in a folder (a mounted volume shared by instances). */
        @WithDefault("DATABASE")
        Storage storage();

        /** The folder for {@code FOLDER} storage. */
        Optional<java.nio.file.Path> folder();

        @WithDefault("10M")
        MemorySize maxFileSize();

        /** All the documents of one case together. */
        @WithDefault("50M")
        MemorySize maxCaseSize();

        enum Storage { DATABASE, FOLDER }
    }

    /** Decree 2-17-265 and its implementing rules. */
    interface Complaints {
        /** The administration routes what it receives (acknowledges it, or transfers it) within 15 days... */
        @WithDefault("15")
        int routeWithinDays();

        /** ...and answers within 60 days (and again within 60 days of a reopening). */
        @WithDefault("60")
        int answerWithinDays();

        /**
         * An unsatisfied holder may reopen within 30 calendar days of the answer, to the end of the last one in
         * Morocco; an answer not reopened (nor rated satisfied) closes the complaint when this window ends...
         */
        @WithDefault("30")
        int reopenWithinDays();

        /** ...at most twice. */
        @WithDefault("2")
        int maxReopenings();

        /** How often the closing job runs, and how many complaints one transaction closes. */
        @WithDefault("1h")
        String closeEvery();

        @WithDefault("200")
        int closeBatchSize();
    }

    /** Law 31-13 and its deadlines. */
    interface Information {
        /** Art. 16: the answer is due within 20 working days of receipt... */
        @WithDefault("20")
        int answerWithinWorkingDays();

        /** ...3 when the request is urgent (a person's life, safety or freedom). */
        @WithDefault("3")
        int urgentAnswerWithinWorkingDays();

        /** Art. 19: an internal complaint within 20 working days of the refusal, partial answer or deadline... */
        @WithDefault("20")
        int internalComplaintWithinWorkingDays();

        /** ...which the head of the body decides within 15 working days. */
        @WithDefault("15")
        int headDecidesWithinWorkingDays();

        /** Art. 20: then an escalation to the CDAI within 30 days. */
        @WithDefault("30")
        int escalationWithinDays();

        /** The code of the CDAI institution, which reviews escalations. */
        @WithDefault("CDAI")
        String commissionCode();
    }

    /** Civil-status document orders (watiqa). */
    interface Documents {
        /** An order not paid within 48 hours expires (PRODUCT.md). */
        @WithDefault("PT48H")
        Duration payWithin();

        /** Once paid, the office owes the documents to the post within this many working days. */
        @WithDefault("3")
        int prepareWithinWorkingDays();

        /** Postage of one order posted within Morocco, in minor units of {@link #currency()} (centimes)... */
        @WithDefault("1500")
        long postageMoroccoMinor();

        /** ...and posted abroad. */
        @WithDefault("6000")
        long postageAbroadMinor();

        /** The currency of fees; a document type priced in another one cannot be ordered. */
        @WithDefault("MAD")
        String currency();

        /** How often unpaid orders are expired, and how many one transaction expires. */
        @WithDefault("5m")
        String expireEvery();

        @WithDefault("200")
        int expireBatchSize();
    }

    /** Public statistics (GET /statistics). */
    interface Statistics {
        /** How often the counting job follows the new case events (the figures lag the cases by about this much). */
        @WithDefault("5s")
        String countEvery();

        /** How many events one transaction of the counting job counts. */
        @WithDefault("1000")
        int countBatchSize();

        /** A group with fewer received cases than this shows no figure (no one case can be read back). */
        @WithDefault("5")
        int suppressBelow();

        /**
         * How much memory an instance gives to the answers it keeps, as sent, by the version of the figures: an answer
         * asked again before the figures or the day change is not computed again.
         */
        @WithDefault("32M")
        MemorySize keepAnswers();
    }

    /** The unified inbox, its change feed and its export. */
    interface Inbox {
        /**
         * How often the feed's sequencer gives positions to the newly committed case events: the change feed runs this
         * much behind the changes, read or not.
         */
        @WithDefault("1s")
        String sequenceEvery();

        /** How many events one transaction of the sequencer places. */
        @WithDefault("1000")
        int sequenceBatchSize();

        /** How many cases an export reads per query (what it holds in memory at once). */
        @WithDefault("500")
        int exportBatchSize();
    }

    /** The payment provider's signed callbacks. */
    interface Payments {
        /**
         * The secret shared with the provider, which signs each callback with HMAC-SHA256. Required in production,
         * the same on every instance; without one every callback is refused.
         */
        Optional<String> callbackSecret();

        /** How far a callback's timestamp may be from this server's clock, either way (the replay window). */
        @WithDefault("PT5M")
        Duration signatureTolerance();

        /** The sandbox provider ({@code POST /sandbox/payments}): on in demo mode and in tests only. */
        @WithDefault("false")
        boolean sandbox();
    }

    /**
     * Law 09-08 (and the CNDP's principle of keeping personal data no longer than needed): how long a closed case keeps
     * its requester's personal data, per service, counted in the Moroccan calendar from the case's last event; then
     * the retention job erases them and keeps the number, kind, states, dates and events. A case is closed when
     * nothing more can happen to it (each service says when: see its {@code ServiceRetention}).
     */
    interface Retention {
        /** Complaints, observations and suggestions: closed or rejected. */
        @WithDefault("P5Y")
        Period complaints();

        /** Information requests: answered, withdrawn, refused by the CDAI, or refused/partly answered and never appealed. */
        @WithDefault("P5Y")
        Period informationRequests();

        /** Document orders: delivered, cancelled, expired, or rejected with any refund confirmed. */
        @WithDefault("P5Y")
        Period documentOrders();

        /** How often the retention job runs, and how many cases one transaction anonymises. */
        @WithDefault("1h")
        String anonymiseEvery();

        @WithDefault("100")
        int batchSize();
    }

    interface Demo {
        /** Loads demo credentials at start and prints them (on by default with the embedded database). */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("bwb_demoagnt_DemoAgentKeyOfTheMinistryOfJustice01")
        String agentKey();

        /** A clerk of civil-status office 1 (Tanger-Médina), for the document orders' tour. */
        @WithDefault("bwb_democlrk_DemoClerkKeyOfTangerMedinaOffice01")
        String clerkKey();

        /** The postal operator, which carries the orders once the office hands them over. */
        @WithDefault("bwb_demopost_DemoPostalOperatorKeyOfTheDemo0001")
        String postalKey();
    }
}
