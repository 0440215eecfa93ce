-- Rows of the judges' location report: one per (open case, place), best first.
-- Parameters: none. Used by publish/reports.py; also handy for analysts.
CREATE OR REPLACE VIEW v_report_rows AS
WITH cases AS (
    SELECT DISTINCT r.court, r.judge, r.case_no, r.id_number, r.name, r.amount_owed, r.filed_on
    FROM roster_cases r
    WHERE r.status IN ('执行中', '终本') AND r.id_number IN (SELECT id_number FROM debtors)
),
-- What the debtor spent on platforms after this case was filed (see v_linked_orders).
spending AS (
    SELECT c.case_no, c.id_number, coalesce(sum(o.amount), 0) AS spent_since_filing
    FROM (SELECT DISTINCT case_no, id_number, filed_on FROM cases) c
    LEFT JOIN v_linked_orders o ON o.id_number = c.id_number AND CAST(o.ordered_at AS DATE) > c.filed_on
    GROUP BY ALL
),
best_phones AS (
    SELECT id_number, string_agg(value, ' / ' ORDER BY rank) AS phones
    FROM contacts
    WHERE kind = 'phone' AND rank <= 2 AND confidence >= 0.2
    GROUP BY id_number
),
changes AS (SELECT id_number, kind, rank, change FROM v_changes_since_last_run)
SELECT c.court, c.judge, c.case_no, c.name, c.id_number, c.amount_owed, s.spent_since_filing,
       l.rank, l.kind, l.address, l.confidence, l.last_seen, l.n_observations, l.sources,
       p.phones,
       -- first_located | new_place | moved_up | NULL; NULL throughout on the first run (no
       -- earlier run to compare with: everything would be new).
       CASE WHEN (SELECT count(*) FROM locations_previous) > 0 THEN ch.change END AS change,
       CASE l.kind WHEN 'residence' THEN 1 WHEN 'workplace' THEN 2 ELSE 3 END AS kind_order
FROM cases c
JOIN locations l ON l.id_number = c.id_number
LEFT JOIN best_phones p ON p.id_number = c.id_number
LEFT JOIN spending s ON s.case_no = c.case_no AND s.id_number = c.id_number
LEFT JOIN changes ch ON ch.id_number = l.id_number AND ch.kind = l.kind AND ch.rank = l.rank
WHERE ((l.kind = 'residence' AND l.rank <= 3)
    OR (l.kind = 'workplace' AND l.rank <= 2)
    OR (l.kind = 'pickup_point' AND l.rank <= 1))
  -- Runners-up nobody would act on only clutter the judge's sheet.
  AND (l.rank = 1 OR l.confidence >= 0.1);


-- Rows of the judges' violation report: one per (restricted case, order), oldest first.
CREATE OR REPLACE VIEW v_violation_rows AS
SELECT v.court, r.judge, v.case_no, r.name, v.id_number, v.filed_on, v.platform, v.order_id, v.ordered_at,
       v.rule, v.category, v.amount, v.confidence, v.address, v.via, v.basis, v.file, v.line
FROM violations v
LEFT JOIN (SELECT case_no, id_number, min(judge) AS judge, min(name) AS name
           FROM roster_cases GROUP BY ALL) r
       ON r.case_no = v.case_no AND r.id_number = v.id_number;
