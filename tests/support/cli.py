"""The `kshare` command, run in this process on one installation."""

from pathlib import Path

from click.testing import CliRunner, Result

from kshare.cli import main
from kshare.config import Settings

from .people import PASSWORD, email_of


class Kshare:
    """`kshare` on the installation under ``root``: its data directory and its
    search index, as ``Settings.for_tests(root)`` places them (SQLite)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.home = self.root / "var"

    def env(self) -> dict[str, str]:
        return {
            "KSHARE_HOME": str(self.home),
            "KSHARE_SEARCH_INDEX": str(self.root / "search_index"),
            "KSHARE_SECRET_KEY": "test-secret",
        }

    def settings(self) -> Settings:
        """Settings for building services on the same installation."""
        return Settings.for_tests(self.root)

    def elsewhere(self, name: str) -> "Kshare":
        """`kshare` on another installation, next to this one."""
        return Kshare(self.root / name)

    def __call__(self, *args: str, input: str | None = None, **env: str) -> Result:
        """Run ``kshare *args``; ``env`` adds variables (``KSHARE_CIPHER_KEY=...``)."""
        environment = self.env() | {"KSHARE_DATABASE_URL": None} | env
        return CliRunner().invoke(
            main, list(args), env=environment, input=input, catch_exceptions=False
        )

    def ok(self, *args: str, **env: str) -> str:
        """Run ``kshare *args``, check it succeeded and give its standard output."""
        result = self(*args, **env)
        assert result.exit_code == 0, result.output
        return result.stdout

    def add_user(self, handle: str, role: str = "participant") -> Result:
        """`kshare user add`: someone with the test password; checks it worked."""
        result = self(
            "user", "add", email_of(handle), "--handle", handle,
            "--name", handle.title(), "--role", role, "--password", PASSWORD,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        return result
