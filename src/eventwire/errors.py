"""Errors that reach a user: each names what failed and why (shown without traceback)."""


class EventwireError(Exception):
    """Base class: the message is complete and user-facing."""


class SetupError(EventwireError):
    """The installation lacks something (a model, a data file)."""


class UsageError(EventwireError):
    """The command was called wrongly; exit code 2."""
