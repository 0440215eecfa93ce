import os
import shutil
import tempfile

import pytest

# Prefect must never reach the network nor write to the developer's ~/.prefect from tests.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
_OWN_PREFECT_HOME = None
if "PREFECT_HOME" not in os.environ:
    _OWN_PREFECT_HOME = tempfile.mkdtemp(prefix="locate-prefect-home-")
    os.environ["PREFECT_HOME"] = _OWN_PREFECT_HOME
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect server for the whole session (each start costs 10-20 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def pytest_sessionfinish(session, exitstatus):
    # Session fixtures (the Prefect server above) are torn down before this hook runs.
    if _OWN_PREFECT_HOME:
        shutil.rmtree(_OWN_PREFECT_HOME, ignore_errors=True)
