-- Rate limits count hits per bucket and fixed window, spread over a few shard rows per window: concurrent requests
-- of one bucket (every citizen behind one carrier-grade NAT address) then rarely update the same row, so they do
-- not queue on one hot row lock, and two Galera nodes rarely certify conflicting updates. The count of a window is
-- the sum of its shards. A row is useless once its window has ended (expires_at, epoch seconds) and is purged.
DROP TABLE rate_limit_counter;

CREATE TABLE rate_limit_hit (
    bucket       VARCHAR(120) NOT NULL,
    window_start BIGINT       NOT NULL,
    shard        TINYINT      NOT NULL,
    hits         INT          NOT NULL,
    expires_at   BIGINT       NOT NULL,
    PRIMARY KEY (bucket, window_start, shard),
    INDEX ix_rate_limit_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
