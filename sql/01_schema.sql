-- locate: the published DuckDB schema. Table and column names are a stable,
-- documented contract with analysts; add columns, never rename them.
-- Loaded by publish/warehouse.py in file-name order; every statement is idempotent.

-- Ledger of inbox files, by content hash: a file (or a renamed copy) is ingested once.
CREATE TABLE IF NOT EXISTS ingested_files (
    sha256            VARCHAR PRIMARY KEY,
    file              VARCHAR NOT NULL,   -- path relative to the inbox
    source_kind       VARCHAR NOT NULL,   -- debtors | ecommerce | social | logistics
    platform          VARCHAR,
    size_bytes        BIGINT,
    run_id            VARCHAR NOT NULL,   -- run that ingested it
    ingested_at       TIMESTAMP NOT NULL,
    rows_read         BIGINT,
    rows_kept         BIGINT,
    rows_quarantined  BIGINT,
    error             VARCHAR,            -- file-level problem, if any
    warnings          VARCHAR
);

-- One row per (case, debtor) as last exported by the court; the basis of `debtors`.
CREATE TABLE IF NOT EXISTS roster_cases (
    case_no        VARCHAR NOT NULL,
    id_number      VARCHAR NOT NULL,
    court          VARCHAR,
    judge          VARCHAR,
    name           VARCHAR,
    id_type        VARCHAR,
    phones         VARCHAR,
    hukou_address  VARCHAR,
    amount_owed    DOUBLE,
    filed_on       DATE,
    restricted     BOOLEAN,
    blacklisted    BOOLEAN,
    status         VARCHAR,             -- 执行中 | 终本 | 执行完毕
    file           VARCHAR,
    line           BIGINT,
    run_id         VARCHAR,
    PRIMARY KEY (case_no, id_number)
);

-- One row per person with at least one open case (执行中 or 终本). Organisations are
-- counted in `runs`, not located.
CREATE TABLE IF NOT EXISTS debtors (
    id_number         VARCHAR PRIMARY KEY,  -- full 18-character ID
    name              VARCHAR,
    sex               VARCHAR,              -- from the ID: M | F
    birth_date        DATE,                 -- from the ID
    id_region_code    VARCHAR,              -- first 6 digits of the ID
    case_nos          VARCHAR[],            -- every open case
    courts            VARCHAR[],
    judges            VARCHAR[],
    roster_phones     VARCHAR[],            -- as normalised digits
    hukou_address     VARCHAR,
    amount_owed       DOUBLE,               -- sum over open cases
    first_filed_on    DATE,
    restricted        BOOLEAN,              -- any open case with 限制消费 = 是
    blacklisted       BOOLEAN
);

-- Normalised platform records that linked to a debtor (retention: nothing else is kept).
CREATE TABLE IF NOT EXISTS observations (
    obs_id          VARCHAR PRIMARY KEY,   -- stable hash of (source_kind, platform, record_id, event, seq)
    source_kind     VARCHAR NOT NULL,
    platform        VARCHAR NOT NULL,
    file            VARCHAR NOT NULL,      -- inbox-relative path of the file it came from
    line            BIGINT,                -- line (CSV/JSONL) or row (parquet) in that file
    record_id       VARCHAR,               -- order id / uid / waybill number as exported
    event           VARCHAR,               -- delivery | receive | send | checkin | login | profile
    event_time      TIMESTAMP,             -- Beijing time
    account_key     VARCHAR,               -- platform:account id
    account_name    VARCHAR,
    account_id_no   VARCHAR,
    account_phone   VARCHAR,
    person_name     VARCHAR,
    person_phone    VARCHAR,
    address_raw     VARCHAR,
    address         VARCHAR,               -- normalised, human readable
    province        VARCHAR,
    city            VARCHAR,
    district        VARCHAR,
    town            VARCHAR,
    place_key       VARCHAR,               -- canonical dwelling/premises key
    area_key        VARCHAR,               -- canonical community/road key
    precision       VARCHAR,
    pickup_kind     VARCHAR,               -- locker | station | gatehouse | NULL
    sign_type       VARCHAR,
    amount          DOUBLE,
    category        VARCHAR,
    run_id          VARCHAR
);

-- Which observation was matched to which debtor, how strongly and why.
CREATE TABLE IF NOT EXISTS links (
    id_number     VARCHAR NOT NULL,
    obs_id        VARCHAR NOT NULL,
    probability   DOUBLE NOT NULL,        -- P(observation is about this debtor)
    match_weight  DOUBLE,                 -- log2 Bayes factor summed over the comparisons
    via           VARCHAR,                -- account | recipient | account+recipient
    evidence      VARCHAR,                -- JSON: each comparison, its level and its weight
    PRIMARY KEY (id_number, obs_id)
);

CREATE TABLE IF NOT EXISTS locations (
    id_number       VARCHAR NOT NULL,
    rank            INTEGER NOT NULL,     -- 1 = best, within (id_number, kind)
    kind            VARCHAR NOT NULL,     -- residence | workplace | pickup_point
    address         VARCHAR,
    province        VARCHAR,
    city            VARCHAR,
    district        VARCHAR,
    confidence      DOUBLE NOT NULL,      -- calibrated probability that this is a right place of this kind
    first_seen      TIMESTAMP,
    last_seen       TIMESTAMP,
    n_observations  INTEGER,
    sources         VARCHAR,              -- e.g. 'ecommerce:shopA, logistics:sf'
    place_key       VARCHAR,
    score           DOUBLE,               -- the ranking score behind the confidence
    best_link       DOUBLE,               -- the strongest link probability among its observations
    run_id          VARCHAR,
    PRIMARY KEY (id_number, kind, rank)
);

-- Which linked observation supports which ranked place (after a less specific spelling,
-- such as a community without a flat number, joined the one door it fits), with the
-- weight it added to the place's score: the rows behind each lead.
CREATE TABLE IF NOT EXISTS location_evidence (
    id_number       VARCHAR NOT NULL,
    obs_id          VARCHAR NOT NULL,
    place_key       VARCHAR NOT NULL,     -- locations.place_key
    weight          DOUBLE                -- link probability x recency x kind of trace
);

CREATE TABLE IF NOT EXISTS contacts (
    id_number       VARCHAR NOT NULL,
    rank            INTEGER NOT NULL,
    kind            VARCHAR NOT NULL,     -- phone | account
    value           VARCHAR NOT NULL,     -- phone digits, or platform:account id
    confidence      DOUBLE NOT NULL,
    first_seen      TIMESTAMP,
    last_seen       TIMESTAMP,
    n_observations  INTEGER,
    sources         VARCHAR,              -- 'roster' when the court's roster lists it
    score           DOUBLE,
    best_link       DOUBLE,
    run_id          VARCHAR,
    PRIMARY KEY (id_number, kind, rank)
);

CREATE TABLE IF NOT EXISTS runs (
    run_id               VARCHAR PRIMARY KEY,
    started_at           TIMESTAMP NOT NULL,
    finished_at          TIMESTAMP,
    as_of                DATE,
    inbox                VARCHAR,
    files_seen           INTEGER,
    files_new            INTEGER,
    files_failed         INTEGER,
    rows_read            BIGINT,
    rows_kept            BIGINT,
    rows_quarantined     BIGINT,
    observations_new     BIGINT,
    observations_linked  BIGINT,        -- new observations kept because they linked
    observations_dropped BIGINT,        -- new observations linked to no debtor (retention: only counted)
    organisations_skipped INTEGER,
    debtors              INTEGER,
    debtors_located      INTEGER,
    duration_s           DOUBLE,
    outcome              VARCHAR,       -- success | failed
    error                VARCHAR        -- failed: the error; success: a note when the reports
                                        -- could not be moved (the next run moves them)
);

CREATE TABLE IF NOT EXISTS quarantine (
    run_id       VARCHAR NOT NULL,
    file         VARCHAR NOT NULL,
    line         BIGINT,                -- 0: the whole file
    source_kind  VARCHAR,
    platform     VARCHAR,
    reason       VARCHAR NOT NULL,
    raw          VARCHAR                -- first 500 characters of the rejected text; for platform
                                        -- rows (about anyone, not only debtors) with every digit
                                        -- shown as #, Latin letter as x, Chinese character as 某
);

-- Audit of every report handed to a court.
CREATE TABLE IF NOT EXISTS reports (
    run_id      VARCHAR NOT NULL,
    court       VARCHAR NOT NULL,
    file        VARCHAR NOT NULL,
    rows        INTEGER,
    sha256      VARCHAR,
    written_at  TIMESTAMP
);

-- Counts that outlive the night (retention keeps counts only): people per full name,
-- keyed by a salted hash, never the name; people per surname; the largest population
-- seen; the salt. Used for term-frequency weights on nights with little data.
CREATE TABLE IF NOT EXISTS name_counts (
    name_hash  VARCHAR PRIMARY KEY,
    name_count BIGINT
);
CREATE TABLE IF NOT EXISTS surname_counts (
    surname       VARCHAR PRIMARY KEY,
    surname_count BIGINT
);
CREATE TABLE IF NOT EXISTS linkage_stats (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

-- The places (every rank) as they were before the last run that relinked, to tell what
-- is new (v_changes_since_last_run, the report's 变化). Rows of debtors whose cases have
-- all concluded are deleted by the next run (retention).
CREATE TABLE IF NOT EXISTS locations_previous (
    id_number   VARCHAR,
    kind        VARCHAR,
    rank        INTEGER,
    place_key   VARCHAR,
    run_id      VARCHAR
);

-- Orders that break a consumption-restriction order (限制消费令): linked to the debtor with
-- probability >= 0.9, in a category of data/restricted_categories.csv, placed after the
-- filing date of an open case with 限制消费 = 是. One row per (case, order); rebuilt every run.
CREATE TABLE IF NOT EXISTS violations (
    id_number   VARCHAR NOT NULL,
    case_no     VARCHAR NOT NULL,
    platform    VARCHAR NOT NULL,
    order_id    VARCHAR NOT NULL,
    ordered_at  TIMESTAMP,            -- 下单时间, Beijing time
    category    VARCHAR,              -- 商品类目 as exported
    amount      DOUBLE,               -- 实付金额, yuan (NULL when unparseable)
    confidence  DOUBLE NOT NULL,      -- P(the order is this debtor's), the link probability
    address     VARCHAR,              -- where it was delivered, normalised
    court       VARCHAR,
    rule        VARCHAR,              -- the restricted kind it falls under (类别 of the rule file)
    basis       VARCHAR,              -- legal basis given in the rule file
    filed_on    DATE,                 -- the case's filing date
    via         VARCHAR,              -- how the order linked: account | recipient | account+recipient
    obs_id      VARCHAR,              -- observations.obs_id: the evidence (see also links.evidence)
    file        VARCHAR,              -- inbox file and line of the order
    line        BIGINT,
    PRIMARY KEY (case_no, id_number, platform, order_id)
);

-- Added after the first release: databases created before it get the column here.
ALTER TABLE observations ADD COLUMN IF NOT EXISTS order_time TIMESTAMP;   -- 下单时间 (e-commerce), pickup time (waybills)
