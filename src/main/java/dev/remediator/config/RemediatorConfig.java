package dev.remediator.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every setting of Remediator's own, under {@code remediator.}. Each one can be given as an environment variable:
 * upper case, dots and dashes as underscores ({@code remediator.delivery.lease} is
 * {@code REMEDIATOR_DELIVERY_LEASE}). Durations are written {@code 500ms}, {@code 60s}, {@code 5m}, {@code 6h} or
 * {@code 14d}. {@link SettingsCheck} refuses a value out of range at start, naming the setting.
 */
@ConfigMapping(prefix = "remediator")
public interface RemediatorConfig {

    /**
     * The address at which GitHub and people reach this instance ({@code https://remediator.example.com}); the
     * registration page gives it to GitHub as the app's webhook URL, and {@code doctor} compares it with the app's
     * webhook configuration. Unset: the address a browser used to open {@code /setup}.
     */
    @Constraint.HttpUrl
    Optional<String> publicUrl();

    Delivery delivery();

    Outbox outbox();

    GitHub github();

    Approval approval();

    Drift drift();

    Retention retention();

    Api api();

    Analysis analysis();

    Reconcile reconcile();

    Validation validation();

    Quarantine quarantine();

    Dashboard dashboard();

    OAuth oauth();

    Slack slack();

    Llm llm();

    /** Named so because {@code notify()} is Object's. */
    @WithName("notify")
    Notify notifications();

    /** The repository configuration, {@code .github/remediator.yml}. */
    @WithName("config")
    ConfigFile repositoryConfig();

    /** Stored deliveries and the workers that process them. */
    interface Delivery {

        /**
         * Deliveries processed at once in this process. Analysing a log keeps a processor busy, so a few more than the
         * processors suffice; more only share them thinner (measured with {@code bin/bench-detection}).
         */
        @WithDefault("4")
        int workers();

        /** Stored deliveries queued for a worker; beyond it they wait in the database for the recovery job. */
        @WithDefault("1000")
        int queue();

        /**
         * Threads of the light lane that posts first answers (the in-progress check run) as soon as a delivery is
         * stored, ahead of the heavy work queued for the workers. Each answer is a call or two, mostly waiting on
         * GitHub and the database: in a burst 8 gave answers sooner than 4 or 16 (measured with
         * {@code bin/bench-detection}).
         */
        @WithDefault("8")
        int firstAnswerWorkers();

        /** How long a worker holds a delivery before another process may take it over (renewed while it works). */
        @WithDefault("60s")
        Duration lease();

        /** How often this process renews the leases of the deliveries it works on; shorter than the lease. */
        @WithDefault("20s")
        Duration leaseRenewalInterval();

        /** How often stored deliveries that wait (queue full, retry due, lease expired) are brought back. */
        @WithDefault("15s")
        Duration recoveryInterval();

        /** Attempts of one delivery before it is given up (logged as failed). */
        @WithDefault("8")
        int maxAttempts();

        /** The wait before the second attempt; it doubles with each further attempt. */
        @WithDefault("30s")
        Duration firstRetryDelay();
    }

    /** The lifecycle's domain events and the consumers that react to them (docs/architecture.md). */
    interface Outbox {

        /** Consumers run at once in this process. */
        @WithDefault("4")
        int workers();

        /** How long a worker holds a consumer's work on an event before another process may take it over. */
        @WithDefault("60s")
        Duration lease();

        /** How often events left unpublished or work left due (a retry, a dead process's lease) are picked up. */
        @WithDefault("15s")
        Duration recoveryInterval();

        /** Attempts of one consumer on one event before it is given up (logged as failed). */
        @WithDefault("8")
        int maxAttempts();

        /** The wait before the second attempt; it doubles with each further attempt. */
        @WithDefault("30s")
        Duration firstRetryDelay();
    }

    /** Talking to GitHub. */
    interface GitHub {

        /** GitHub's web address, where the registration page sends the app manifest (GitHub Enterprise: its host). */
        @WithDefault("https://github.com")
        @Constraint.HttpUrl
        String webUrl();

        /** Connecting to GitHub's API. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** One request to GitHub's API, from sending to the last byte of the answer. */
        @WithDefault("60s")
        Duration requestTimeout();

        Retry retry();

        CircuitBreaker circuitBreaker();

        /** Retries of a failed call (5xx, time-out, connection error, rate limit). */
        interface Retry {

            /** Retries after the first try. */
            @WithDefault("3")
            @Constraint.Minimum(0)
            int maxRetries();

            /** The wait before the first retry; it doubles with each further retry. */
            @WithDefault("1s")
            Duration initialDelay();

            /** Rate-limit waits longer than this park the delivery until the reset instead of holding a worker. */
            @WithDefault("60s")
            Duration maxRateLimitWait();
        }

        /** Stops calling GitHub while it looks down, parking the deliveries. */
        interface CircuitBreaker {

            /** Calls looked at to decide whether GitHub is down. */
            @WithDefault("10")
            int requestVolume();

            /** The share of those calls that must have failed to open the breaker, above 0 and at most 1. */
            @WithDefault("0.5")
            @Constraint.Fraction
            double failureRatio();

            /** How long the breaker stays open before a call tries GitHub again. */
            @WithDefault("30s")
            Duration delay();
        }
    }

    /** Remediations waiting for a human. */
    interface Approval {

        /** How often remediations whose approval timed out are expired. */
        @WithDefault("60s")
        Duration expiryInterval();
    }

    /** Drift between specs and generated code. */
    interface Drift {

        /** A regeneration whose workflow has not pushed within this time of its dispatch has failed. */
        @WithDefault("6h")
        Duration regenerationTimeout();

        /**
         * When the nightly scan of every installed repository's default branch runs: a Quarkus cron expression,
         * seconds first, or {@code off}.
         */
        @WithDefault("0 0 3 * * ?")
        String scanCron();
    }

    /** What the nightly retention job deletes. */
    interface Retention {

        /** Finished deliveries older than this are deleted. */
        @WithDefault("14d")
        Duration deliveries();

        /** Run history and drift reports older than this are deleted (the latest drift report of a branch stays). */
        @WithDefault("90d")
        Duration runs();

        /** When the retention job runs: a Quarkus cron expression, seconds first. */
        @WithDefault("0 30 3 * * ?")
        String cron();
    }

    /** The read-only REST API under {@code /api}. */
    interface Api {

        /** The bearer token every call must carry; unset, every call is refused. */
        Optional<String> token();
    }

    /** Reading {@code .github/remediator.yml}. */
    interface ConfigFile {

        /** How long a repository's configuration read from GitHub is reused. */
        @WithDefault("60s")
        Duration cacheTtl();
    }

    /** Failure analysis. */
    interface Analysis {

        /**
         * How old the last passing run of the same job may be to serve as the baseline of a failed one (its lines weigh
         * less, new lines more); older, the failure is analysed alone.
         */
        @WithDefault("7d")
        Duration baselineMaxAge();
    }

    /** Catching up with webhooks that never arrived, from the app's delivery log and a backstop listing of runs. */
    interface Reconcile {

        /** How often the delivery log is read (once per tick across replicas). */
        @WithDefault("60s")
        Duration interval();

        /** How far back the first tick after a start looks, and how old a delivery may be to be asked for again. */
        @WithDefault("6h")
        Duration window();

        /** GitHub calls the backstop listing of recently active repositories' runs may spend per tick. */
        @WithDefault("10")
        int backstopCalls();
    }

    /** The dashboard under /dashboard. */
    interface Dashboard {

        /** How long what GitHub says a signed-in user may see is kept before it is asked again (per user). */
        @WithDefault("60s")
        Duration accessCacheTtl();
    }

    /** The GitHub App's own OAuth client, with which people sign in to the dashboard; unset, sign-in is off. */
    interface OAuth {

        Optional<String> clientId();

        Optional<String> clientSecret();
    }

    /** Slack notifications: a bot token (with the channels of each repository's config) or an incoming webhook. */
    interface Slack {

        Optional<String> botToken();

        Optional<String> webhookUrl();

        /** Slack's Web API (tests point it at a fake). */
        @WithDefault("https://slack.com/api")
        @Constraint.HttpUrl
        String apiUrl();

        /** Where the critical message goes with a bot token (an incoming webhook has its own channel). */
        Optional<String> criticalChannel();

        /** The longest Retry-After waited out in place; longer, the message is left to the outbox's retry. */
        @WithDefault("30s")
        Duration maxRetryAfter();
    }

    /** Notifications to any HTTP endpoint, signed like GitHub's webhooks, and the outage alarm. */
    interface Notify {

        Optional<java.net.URI> webhookUrl();

        /** The HMAC-SHA256 key of the signature; required with a webhook URL. */
        Optional<String> webhookSecret();

        /** How long GitHub or the database may be unreachable before one critical message is sent. */
        @WithDefault("10m")
        Duration outageAfter();

        /** How often GitHub and the database are probed for the outage alarm. */
        @WithDefault("60s")
        Duration outageProbeInterval();
    }

    /** Quarantined tests whose term ended. */
    interface Quarantine {

        /** How often expired quarantines get their trial, and trials whose CI sent no news are read again. */
        @WithDefault("1h")
        Duration expiryInterval();
    }

    /** Following the CI of the pull requests Remediator opens. */
    interface Validation {

        /** How often fixes whose CI sent no news are read from GitHub (their check suites, checks and statuses). */
        @WithDefault("10m")
        Duration reconcileInterval();
    }

    /**
     * The optional language model: any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, Ollama,
     * vLLM, LM Studio). Off unless base URL and model are set; then each repository opts in ({@code llm:} in its
     * {@code .github/remediator.yml}).
     */
    interface Llm {

        /** The endpoint's base URL, up to and without {@code /chat/completions} ({@code https://api.openai.com/v1}). */
        @Constraint.HttpUrl
        Optional<String> baseUrl();

        /** The model (Azure OpenAI: the deployment's name). */
        Optional<String> model();

        /** Sent as a bearer token; a local server without authentication needs none. */
        Optional<String> apiKey();

        /** One call, from sending to the last byte of the answer; later, the rule-based result stands alone. */
        @WithDefault("60s")
        Duration timeout();

        /** Tokens (prompt and answer) one installation may spend per day (UTC); then no call until the next day. */
        @WithDefault("200000")
        @Constraint.Minimum(0)
        long dailyTokenBudget();

        Fix fix();

        /** Model-written fix proposals, which always wait for a person's approval. */
        interface Fix {

            /** Files a proposed diff may change at most; a larger one is refused. */
            @WithDefault("3")
            int maxFiles();

            /** Lines a proposed diff may add and remove at most, together. */
            @WithDefault("60")
            int maxLines();

            /** Characters of each file read at the failing commit and sent; a larger file is not sent at all. */
            @WithDefault("40000")
            int maxFileChars();
        }
    }
}
