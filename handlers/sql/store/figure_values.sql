-- Every figure's value by id: an admin's preview compares two versions (handlers/admin_ops.py).
SELECT figure_id, value FROM figures
