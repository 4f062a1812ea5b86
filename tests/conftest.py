"""Shared fixtures: a small archive of the four seed articles, a real Whoosh
index built from it in temporary storage, the Flask app, its test client and
CLI runner, and a real waitress server for the browser tests.
"""
from __future__ import annotations

import shutil
import socket
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import indexer
from indexer.cli import main as cli_main
from webui import create_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "archive").glob("00[0-3]_*.txt"))
SEED_IDS = [p.stem for p in SEEDS]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def seed_archive(tmp_path_factory) -> Path:
    """A folder holding the four seed articles, byte for byte."""
    assert len(SEEDS) == 4, "archive/ must hold the four seed articles"
    folder = tmp_path_factory.mktemp("archive")
    for path in SEEDS:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def index_dir(seed_archive, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("var") / "index"
    report = indexer.reindex([seed_archive], path)
    assert sorted(report.added) == SEED_IDS
    return path


@pytest.fixture(scope="session")
def ix(index_dir):
    return indexer.open_index(index_dir)


@pytest.fixture()
def app(index_dir):
    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def cli(runner, index_dir):
    """Run an archivist command against the seed index."""

    def run(*args: str):
        return runner.invoke(cli_main, [*args, "--index", str(index_dir)])

    return run


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(index_dir):
    """The web UI served by waitress on a loopback port, as `archivist serve` does."""
    from waitress.server import create_server

    app = create_app({"INDEX_DIR": str(index_dir)})
    server = create_server(app, host="127.0.0.1", port=free_port(), threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
