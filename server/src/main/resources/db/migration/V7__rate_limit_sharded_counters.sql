-- Rate limits count hits per bucket and fixed window, spread over shard rows: each instance writes only shards of
-- its own (a random base drawn at start, plus a few rows so that its own threads rarely queue on one row lock), so
-- two instances on two Galera nodes never certify conflicting updates of one counter. The count of a window is the
-- sum of its shards. A row is useless once its window has ended (expires_at, epoch seconds) and is purged.
DROP TABLE rate_limit_counter;

CREATE TABLE rate_limit_hit (
    bucket       VARCHAR(120) NOT NULL,
    window_start BIGINT       NOT NULL,
    shard        INT          NOT NULL,
    hits         INT          NOT NULL,
    expires_at   BIGINT       NOT NULL,
    PRIMARY KEY (bucket, window_start, shard),
    INDEX ix_rate_limit_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
