-- Analyst views: the questions asked every morning.

-- The single best place of each kind per debtor, with the debtor's name and cases.
CREATE OR REPLACE VIEW v_best_places AS
SELECT d.id_number, d.name, d.courts, d.case_nos, l.kind, l.address, l.province, l.city,
       l.district, l.confidence, l.last_seen, l.n_observations, l.sources
FROM locations l JOIN debtors d USING (id_number)
WHERE l.rank = 1;

-- What changed since the previous run that relinked (a run with nothing new changes
-- nothing, this view included): a debtor located for the first time ('first_located'),
-- a place not listed before for that debtor and kind ('new_place'), a place ranked
-- higher than before ('moved_up'). The judges' report shows the same as 变化.
CREATE OR REPLACE VIEW v_changes_since_last_run AS
WITH prev AS (
    SELECT id_number, kind, place_key, min(rank) AS previous_rank
    FROM locations_previous GROUP BY id_number, kind, place_key
),
prev_debtors AS (SELECT DISTINCT id_number FROM locations_previous)
SELECT l.id_number, l.kind, l.rank, l.address, l.confidence,
       CASE
         WHEN pd.id_number IS NULL THEN 'first_located'
         WHEN p.previous_rank IS NULL THEN 'new_place'
         WHEN p.previous_rank > l.rank THEN 'moved_up'
       END AS change,
       p.previous_rank, l.place_key
FROM locations l
LEFT JOIN prev_debtors pd ON pd.id_number = l.id_number
LEFT JOIN prev p ON p.id_number = l.id_number AND p.kind = l.kind AND p.place_key = l.place_key
WHERE change IS NOT NULL;

-- Coverage per court: how many open debtors have a lead, and how strong.
CREATE OR REPLACE VIEW v_coverage_by_court AS
WITH per_debtor AS (
    SELECT d.id_number, unnest(d.courts) AS court,
           max(l.confidence) FILTER (WHERE l.kind = 'residence') AS best_residence
    FROM debtors d LEFT JOIN locations l USING (id_number)
    GROUP BY d.id_number, d.courts
)
SELECT court,
       count(*) AS debtors,
       count(best_residence) AS with_residence_lead,
       count(*) FILTER (WHERE best_residence >= 0.8) AS with_strong_lead,
       round(count(best_residence) / count(*), 3) AS coverage
FROM per_debtor GROUP BY court ORDER BY court;

-- Debtors with no lead at all: no place and no phone beyond the roster's.
CREATE OR REPLACE VIEW v_debtors_without_leads AS
SELECT d.*
FROM debtors d
WHERE NOT EXISTS (SELECT 1 FROM locations l WHERE l.id_number = d.id_number)
  AND NOT EXISTS (SELECT 1 FROM links k WHERE k.id_number = d.id_number);

-- The rows behind each place: for tracing any lead back to the file line it came from.
CREATE OR REPLACE VIEW v_place_evidence AS
SELECT l.id_number, l.kind, l.rank, l.address AS place, o.source_kind, o.platform, o.file,
       o.line, o.record_id, o.event, o.event_time, o.address AS written_as, e.weight,
       k.probability, k.evidence
FROM locations l
JOIN location_evidence e ON e.id_number = l.id_number AND e.place_key = l.place_key
JOIN links k ON k.id_number = e.id_number AND k.obs_id = e.obs_id
JOIN observations o ON o.obs_id = e.obs_id;

-- E-commerce spending linked to a debtor with probability >= 0.9 (the bar of `violations`),
-- ordered after the debtor's first open case was filed, against the amount owed: a debtor who
-- spent 300,000 yuan on platforms while owing 200,000 is a priority.
CREATE OR REPLACE VIEW v_linked_orders AS
SELECT l.id_number, o.obs_id, o.platform, o.record_id AS order_id,
       coalesce(o.order_time, o.event_time) AS ordered_at, o.amount, o.category, l.probability
FROM links l
JOIN observations o ON o.obs_id = l.obs_id
WHERE o.source_kind = 'ecommerce' AND l.probability >= 0.9;

CREATE OR REPLACE VIEW v_debtor_spending AS
SELECT d.id_number, d.name, d.first_filed_on, d.amount_owed,
       count(o.obs_id) AS orders_since_filing,
       coalesce(sum(o.amount), 0) AS spent_since_filing,
       coalesce(sum(o.amount), 0) / nullif(d.amount_owed, 0) AS spent_to_owed
FROM debtors d
LEFT JOIN v_linked_orders o
       ON o.id_number = d.id_number AND CAST(o.ordered_at AS DATE) > d.first_filed_on
GROUP BY d.id_number, d.name, d.first_filed_on, d.amount_owed;
