-- A filing reads its unit's records and those naming it as successor by index, not by scanning the
-- registry: an ended record names one successor (a merger, a renaming) or several, space-separated
-- (a split), which the second index holds alone.
CREATE INDEX units_by_successors ON units (successors);
CREATE INDEX units_with_several_successors ON units (code) WHERE instr(successors, ' ') > 0;
-- Who issues a drafted report or workbook (the coordinator of the drafting day) is read among the
-- coordinator's few records, not the whole registry.
CREATE INDEX units_coordinators ON units (valid_from) WHERE coordinator = 1;
-- The closed-period triggers on revisions and reviews (migration 0010) look for a closed period of the
-- filing's year that reads it: by this index, among that year's closes, not every close there ever was.
CREATE INDEX period_locks_by_year ON period_locks (substr(period, 1, 4));
