"""Fixtures for the browser tests: a real ``kshare serve`` and headless Chromium.

The server runs on the installation of the ``cli`` fixture, so a test sets
up with the `kshare` command what it then uses in the browser.
"""

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
KSHARE = shutil.which("kshare") or str(Path(sys.executable).parent / "kshare")


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


@pytest.fixture
def server_url(tmp_path, cli):
    """Run ``kshare serve`` on a free port, on the installation of ``cli``.

    The server's output is printed at teardown: pytest shows it when a test fails.
    """
    env = os.environ | cli.env()
    env.pop("KSHARE_DATABASE_URL", None)
    port = free_port()
    log_path = tmp_path / "server.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [KSHARE, "serve", "--port", str(port)],
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
