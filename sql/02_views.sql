-- Analyst views: the questions asked every morning.

-- The single best place of each kind per debtor, with the debtor's name and cases.
CREATE OR REPLACE VIEW v_best_places AS
SELECT d.id_number, d.name, d.courts, d.case_nos, l.kind, l.address, l.province, l.city,
       l.district, l.confidence, l.last_seen, l.n_observations, l.sources
FROM locations l JOIN debtors d USING (id_number)
WHERE l.rank = 1;

-- What changed since the previous run: new places, places that moved up, debtors
-- located for the first time.
CREATE OR REPLACE VIEW v_changes_since_last_run AS
WITH prev AS (SELECT * FROM locations_previous)
SELECT l.id_number, l.kind, l.rank, l.address, l.confidence,
       CASE
         WHEN NOT EXISTS (SELECT 1 FROM prev p WHERE p.id_number = l.id_number) THEN 'first_located'
         WHEN NOT EXISTS (SELECT 1 FROM prev p WHERE p.id_number = l.id_number AND p.place_key = l.place_key AND p.kind = l.kind) THEN 'new_place'
         WHEN EXISTS (SELECT 1 FROM prev p WHERE p.id_number = l.id_number AND p.place_key = l.place_key AND p.kind = l.kind AND p.rank > l.rank) THEN 'moved_up'
       END AS change
FROM locations l
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
       o.line, o.record_id, o.event, o.event_time, k.probability, k.evidence
FROM locations l
JOIN links k ON k.id_number = l.id_number
JOIN observations o ON o.obs_id = k.obs_id
 AND coalesce(o.place_key, o.area_key) = l.place_key;
