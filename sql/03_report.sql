-- Rows of the judges' location report: one per (open case, place), best first.
-- Parameters: none. Used by publish/reports.py; also handy for analysts.
CREATE OR REPLACE VIEW v_report_rows AS
WITH cases AS (
    SELECT DISTINCT r.court, r.judge, r.case_no, r.id_number, r.name, r.amount_owed
    FROM roster_cases r
    WHERE r.status IN ('执行中', '终本') AND r.id_number IN (SELECT id_number FROM debtors)
),
best_phones AS (
    SELECT id_number, string_agg(value, ' / ' ORDER BY rank) AS phones
    FROM contacts
    WHERE kind = 'phone' AND rank <= 2 AND confidence >= 0.2
    GROUP BY id_number
),
prev AS (SELECT DISTINCT id_number, kind, place_key FROM locations_previous),
prev_debtors AS (SELECT DISTINCT id_number FROM locations_previous)
SELECT c.court, c.judge, c.case_no, c.name, c.id_number, c.amount_owed,
       l.rank, l.kind, l.address, l.confidence, l.last_seen, l.n_observations, l.sources,
       p.phones,
       CASE
         WHEN (SELECT count(*) FROM locations_previous) = 0 THEN NULL
         WHEN pd.id_number IS NULL THEN 'first_located'
         WHEN pv.place_key IS NULL THEN 'new_place'
       END AS change,
       CASE l.kind WHEN 'residence' THEN 1 WHEN 'workplace' THEN 2 ELSE 3 END AS kind_order
FROM cases c
JOIN locations l ON l.id_number = c.id_number
LEFT JOIN best_phones p ON p.id_number = c.id_number
LEFT JOIN prev_debtors pd ON pd.id_number = c.id_number
LEFT JOIN prev pv ON pv.id_number = l.id_number AND pv.kind = l.kind AND pv.place_key = l.place_key
WHERE ((l.kind = 'residence' AND l.rank <= 3)
    OR (l.kind = 'workplace' AND l.rank <= 2)
    OR (l.kind = 'pickup_point' AND l.rank <= 1))
  -- Runners-up nobody would act on only clutter the judge's sheet.
  AND (l.rank = 1 OR l.confidence >= 0.1);
