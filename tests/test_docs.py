"""Every command a user can run is documented in the README and has an example in --help."""

from pathlib import Path

import click
import pytest

from eventwire.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "eventwire"):
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from commands(command, path)
        else:
            yield path, command


@pytest.mark.parametrize("path, command", list(commands(cli)), ids=lambda x: str(x))
def test_command_is_documented_with_an_example(path, command):
    assert path in README, f"{path} is not in README.md"
    assert "Example" in (command.help or ""), f"{path} --help has no example"
