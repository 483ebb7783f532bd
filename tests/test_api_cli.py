"""`eventwire serve` refuses, with the reason, a database that does not exist."""

import subprocess
import sys


def test_serve_names_a_missing_database_and_exits_2(tmp_path):
    missing = tmp_path / "nothing.db"
    done = subprocess.run([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(missing)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"no database at {missing}" in done.stderr
    assert "Traceback" not in done.stderr
    assert not missing.exists()
