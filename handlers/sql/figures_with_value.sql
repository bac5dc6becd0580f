-- The stored figures of one value: what a number stated in a question stands for in the report.
SELECT figure_id FROM figures WHERE value = $value ORDER BY figure_id LIMIT $limit
