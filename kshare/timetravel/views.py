"""Views of the past: the read models as they stood at a position of the log.

A view is a complete, separate projection set under
``<home>/as-of/<position>``: a SQLite file of every SQL read model, replayed
from the log, and a Whoosh library, copied from the live one and moved to
the position (see ``timetravel.library``). It is built in a temporary directory
and renamed into place, so a half-built view is never opened. A
position's past never changes, so a view is reused as it is; the few most
recently used are kept. One lock file serialises building and pruning
across threads and processes, so two requests for the same moment build
it once.
"""

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event

from ..domain.errors import Invalid
from ..eventlog import EventLog
from ..projections.library.projection import WhooshLessonLibrary
from ..projections.library.store import IndexStore
from ..projections.rebuild import replay
from ..projections.sql.engine import make_engines
from ..projections.sql.group import SqlReadModels
from .library import library_at

KEEP = 3  # views kept on disk, most recently used first
Progress = Callable[[int], None]  # advance by n events


@dataclass(frozen=True)
class View:
    position: int
    directory: Path
    ident: int  # the directory's inode: a view pruned and built again differs

    @property
    def sql_url(self) -> str:
        return f"sqlite:///{self.directory / 'read_models.sqlite'}"

    @property
    def search_index(self) -> Path:
        return self.directory / "search_index"


class AsOfViews:
    def __init__(
        self, root: Path, log: EventLog, live: WhooshLessonLibrary, keep: int = KEEP
    ) -> None:
        self.root = Path(root)
        self.log = log
        self.live = live  # the live library, which a view's library starts from
        self.keep = keep

    def view(self, position: int, progress: Progress | None = None) -> View:
        """The view of the log up to ``position``, built unless it exists."""
        if not 0 < position <= self.log.head():
            raise Invalid(f"The log has no position {position}.")
        target = self.root / str(position)
        with self._locked():
            if not target.is_dir():
                self._build(position, target, progress)
            os.utime(target)  # the most recently used is pruned last
            self._prune()
            return View(position, target, target.stat().st_ino)

    def events_to_build(self, position: int) -> int:
        """How many events building ``position`` reads (0 if it is built)."""
        if (self.root / str(position)).is_dir():
            return 0
        return position + abs(self.live.position() - position)

    def _build(self, position: int, target: Path, progress) -> None:
        work = Path(tempfile.mkdtemp(prefix=".building-", dir=self.root))
        try:
            build_view(work, self.log, self.live, position, progress)
            _synced(work)  # it was built unsynced; it must survive a power cut
            os.rename(work, target)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise

    def _prune(self) -> None:
        """Keep the most recently used views; drop what a crash left half-built."""
        views = [p for p in self.root.iterdir() if p.name.isdigit()]
        views.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        stale = views[self.keep :] + list(self.root.glob(".building-*"))
        for path in stale:
            shutil.rmtree(path, ignore_errors=True)

    @contextmanager
    def _locked(self):
        # flock locks belong to open files: threads of one process exclude
        # each other too, as each opens the lock file anew.
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield


def build_view(
    directory: Path,
    log: EventLog,
    live: WhooshLessonLibrary,
    position: int,
    progress: Progress | None = None,
) -> None:
    """Make the read models of the log up to ``position`` in ``directory``."""
    view = View(position, directory, 0)
    engines = make_engines(view.sql_url)
    event.listen(engines.writer, "connect", _unsynced)
    try:
        models = SqlReadModels(engines)
        models.analyze_as_it_grows = False  # once, when built
        models.create(indexes=False)
        replay(log, models, progress, upto=position)
        models.indexed()
        models.analyze()
    finally:
        engines.dispose()
    library_at(live, IndexStore(view.search_index), log, position, progress)


def _synced(directory: Path) -> None:
    for path in directory.rglob("*"):
        if path.is_file() and not path.is_symlink():
            descriptor = os.open(path, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)


def _unsynced(dbapi_connection, _record) -> None:
    # A view being built is thrown away if anything fails: no need to sync.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.execute("PRAGMA journal_mode=MEMORY")
    cursor.close()
