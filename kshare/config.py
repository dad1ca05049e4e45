"""Settings, read from the environment (see the README's Configuration)."""

import base64
import os
import secrets
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

CIPHER_TOPIC = "eventsourcing.cipher:AESCipher"


class ConfigurationError(ValueError):
    """A setting that cannot work, explained for the person who set it."""


@dataclass(frozen=True)
class Settings:
    home: Path
    search_index: Path
    secret_key: str
    database_url: str | None = None  # postgresql://user:password@host:port/dbname
    database_schema: str = ""  # PostgreSQL schema; "" is the server's default
    password_cost: str = "strong"  # "fast" only in tests
    run_projections: bool = True  # the embedded runner thread of `kshare serve`
    wait_timeout: float = 2.0  # how long a page waits to show its own write
    poll_interval: float = 0.5  # how often the runner looks for new events
    seal_interval: float = 3600.0  # `kshare serve` seals the log this often; 0: never
    cipher_key: str = ""  # AES key (base64): encrypt the stored events at rest

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = dict(os.environ if env is None else env)
        home = Path(env.get("KSHARE_HOME") or "var").absolute()
        return cls(
            home=home,
            search_index=Path(
                env.get("KSHARE_SEARCH_INDEX") or "search_index"
            ).absolute(),
            secret_key=env.get("KSHARE_SECRET_KEY") or _kept_secret(home),
            database_url=env.get("KSHARE_DATABASE_URL") or None,
            database_schema=env.get("KSHARE_DATABASE_SCHEMA", ""),
            seal_interval=_seconds(env.get("KSHARE_SEAL_INTERVAL", "3600")),
            cipher_key=_cipher_key(env.get("KSHARE_CIPHER_KEY", "")),
        )

    @classmethod
    def for_tests(cls, tmp_path: Path, **overrides) -> "Settings":
        settings = cls(
            home=tmp_path / "var",
            search_index=tmp_path / "search_index",
            secret_key="test-secret",
            password_cost="fast",
            poll_interval=0.05,
            wait_timeout=5.0,
        )
        return replace(settings, **overrides)

    @property
    def is_postgres(self) -> bool:
        return bool(self.database_url) and self.database_url.startswith(
            ("postgresql:", "postgres:", "postgresql+psycopg:")
        )

    def event_store_env(self) -> dict[str, str]:
        """The ``eventsourcing`` persistence settings for the event store."""
        cipher = (
            {"CIPHER_TOPIC": CIPHER_TOPIC, "CIPHER_KEY": self.cipher_key}
            if self.cipher_key
            else {}
        )
        return cipher | self._store_env()

    def _store_env(self) -> dict[str, str]:
        if not self.is_postgres:
            return {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": str(self.home / "events.sqlite"),
                "SQLITE_LOCK_TIMEOUT": "10",
            }
        url = urlsplit(self.database_url)
        return {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": url.path.lstrip("/") or "kshare",
            "POSTGRES_HOST": url.hostname or "127.0.0.1",
            "POSTGRES_PORT": str(url.port or 5432),
            "POSTGRES_USER": unquote(url.username or "postgres"),
            "POSTGRES_PASSWORD": unquote(url.password or ""),
            "POSTGRES_SCHEMA": self.database_schema,
            "POSTGRES_POOL_SIZE": "5",
            "POSTGRES_LOCK_TIMEOUT": "5",
        }

    def read_model_url(self) -> str:
        """The SQLAlchemy URL of the read models."""
        if not self.is_postgres:
            return f"sqlite:///{self.home / 'read_models.sqlite'}"
        return "postgresql+psycopg://" + self.database_url.split("://", 1)[1]


def _kept_secret(home: Path) -> str:
    """Generate a secret key on first use and keep it in the data directory."""
    path = home / "secret_key"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise ConfigurationError(
            f"KSHARE_SEAL_INTERVAL is a number of seconds, not {value!r}."
        ) from None
    return max(seconds, 0.0)


def _cipher_key(value: str) -> str:
    """An AES key is 16, 24 or 32 bytes in base64 (`kshare audit key` makes one)."""
    if not value:
        return ""
    try:
        size = len(base64.b64decode(value, validate=True))
    except ValueError:
        size = 0
    if size not in (16, 24, 32):
        raise ConfigurationError(
            "KSHARE_CIPHER_KEY is not an AES key: make one with `kshare audit key`."
        )
    return value
