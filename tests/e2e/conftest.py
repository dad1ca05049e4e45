"""Fixtures for the browser tests: a real ``kshare serve`` and headless Chromium."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


KSHARE = shutil.which("kshare") or str(Path(sys.executable).parent / "kshare")


@pytest.fixture
def kshare_env(tmp_path) -> dict:
    """The environment of one kshare installation in tmp_path (SQLite)."""
    env = os.environ | {
        "KSHARE_HOME": str(tmp_path / "var"),
        "KSHARE_SEARCH_INDEX": str(tmp_path / "search_index"),
        "KSHARE_SECRET_KEY": "e2e-secret",
    }
    env.pop("KSHARE_DATABASE_URL", None)
    return env


@pytest.fixture
def cli(kshare_env, tmp_path):
    """Run the ``kshare`` command on the same installation; return its output."""

    def run(*args: str) -> str:
        done = subprocess.run(
            [KSHARE, *args],
            env=kshare_env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr + done.stdout
        return done.stdout

    return run


@pytest.fixture
def server_url(tmp_path, kshare_env):
    """Run ``kshare serve`` on a free port with its data in tmp_path.

    The server's output is printed at teardown: pytest shows it when a test fails.
    """
    kshare, env = KSHARE, kshare_env
    port = free_port()
    log_path = tmp_path / "server.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [kshare, "serve", "--port", str(port)],
            env=env,
            cwd=tmp_path,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 30
            while not answers(port):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"kshare serve did not start:\n{log_path.read_text()}")
                time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            print(log_path.read_text())


@pytest.fixture
def page():
    """A fresh page in the system's headless Chromium."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (make installs Debian's chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.set_default_timeout(15_000)
            yield page
        finally:
            browser.close()
