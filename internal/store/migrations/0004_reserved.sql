-- 0004_reserved: a placeholder so that this branch's 0005 applies in order.
-- Another branch brings the real 0004; delete this file when merging it.
SELECT 1;
