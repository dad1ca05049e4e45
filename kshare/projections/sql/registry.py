"""Every SQL read model, in the order a batch applies them.

Adding a read model is one new module (its tables, its events, its
projector: see ``projector.SqlProjector``) and one line here.
"""

from .cohorts import SqlCohorts
from .event_index import SqlEventIndex
from .matching import SqlMatchingDrafts
from .milestones import SqlMilestones
from .pairings import SqlPairings
from .participants import SqlParticipants
from .posts import SqlPosts
from .private_notes import SqlPrivateNotes
from .programs import SqlPrograms
from .projector import SqlProjector
from .recognition import SqlRecognition
from .surveys import SqlSurveys
from .weekly import SqlWeeklyFeatures

SQL_PROJECTORS: tuple[type[SqlProjector], ...] = (
    SqlParticipants,
    SqlPosts,
    SqlWeeklyFeatures,
    SqlPrograms,
    SqlCohorts,
    SqlPairings,
    SqlPrivateNotes,
    SqlMilestones,
    SqlSurveys,
    SqlRecognition,
    SqlMatchingDrafts,
    SqlEventIndex,
)
SQL_READ_MODELS = tuple(p.name for p in SQL_PROJECTORS)


def projectors(names=None) -> list[SqlProjector]:
    """The projectors of the named read models (all by default), in order."""
    return [p() for p in SQL_PROJECTORS if names is None or p.name in names]
