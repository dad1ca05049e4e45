"""Query objects of a view of the past whose "today" is the day viewed.

Pages ask for metrics and timelines "as of today" (overdue milestones,
silent pairings, days active); in a view of the past, today is the day of
the moment viewed, never later.
"""

from datetime import date

from ..projections.sql.engine import SqlEngines
from ..projections.sql.group import SqlReadModels
from ..projections.sql.growth_queries import SqlGrowthQueries
from ..projections.sql.metrics_queries import SqlProgramMetrics


class PastProgramMetrics(SqlProgramMetrics):
    def __init__(self, engines: SqlEngines, models: SqlReadModels, day: date) -> None:
        super().__init__(engines, models)
        self.day = day

    def cohort(self, cohort_id: str, today: date):
        return super().cohort(cohort_id, min(today, self.day))


class PastGrowthQueries(SqlGrowthQueries):
    def __init__(self, engines: SqlEngines, models: SqlReadModels, day: date) -> None:
        super().__init__(engines, models)
        self.day = day

    def timeline_of_person(self, mentee_id: str, today: date):
        return super().timeline_of_person(mentee_id, min(today, self.day))

    def plan(self, pairing_id: str, mentee_id: str, today: date):
        return super().plan(pairing_id, mentee_id, min(today, self.day))

    def timeline_of_cohort(self, cohort_id: str, today: date):
        return super().timeline_of_cohort(cohort_id, min(today, self.day))
