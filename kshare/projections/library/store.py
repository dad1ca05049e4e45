"""Where the index lives: ``<root>/current`` links to the live index directory.

A rebuild writes a new directory beside it and swaps the link atomically
(``os.replace`` of a symlink), so readers and the live writer move to the
new index on their next look without the site going down.
"""

import os
import shutil
import time
from pathlib import Path

from whoosh import index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex

from .schema import library_schema


class IndexStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.link = self.root / "current"

    def target(self) -> str:
        return os.readlink(self.link)

    def ensure(self) -> None:
        """Create an empty index on first use."""
        if not self.link.exists():
            self.swap_in(self.new_directory(), keep_old=False)

    def new_directory(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / f"index-{time.time_ns()}"
        path.mkdir()
        index.create_in(str(path), library_schema())
        return path

    def open(self) -> tuple[str, FileIndex]:
        """The live index and the name of its directory.

        Segments are read with plain file reads, not memory-mapped: Whoosh
        touches every page of a mapped segment when a reader opens it, which
        made each searcher as large as the index (330 MB at 100,000 posts).
        """
        self.ensure()
        target = self.target()
        storage = FileStorage(str(self.root / target), supports_mmap=False)
        return target, storage.open_index()

    def swap_in(self, directory: Path, *, keep_old: bool = True) -> None:
        """Point ``current`` at ``directory``; drop all but the previous index."""
        previous = self.target() if self.link.is_symlink() else None
        temporary = self.root / f".current-{time.time_ns()}"
        temporary.symlink_to(directory.name)
        os.replace(temporary, self.link)
        keep = {directory.name, previous if keep_old else None}
        for old in self.root.glob("index-*"):
            if old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)
