"""Exceptions. Messages say what was expected, what was found and what to do."""


class PingchaError(Exception):
    """Base class for every error the library raises on purpose."""


class IngestFailure(PingchaError):
    """An input could not be turned into a document (bad encoding, empty, binary, unreadable)."""


class ConfigError(PingchaError):
    """Invalid configuration or command-line options."""


class StoreError(PingchaError):
    """The queue store is missing, locked or has an unknown schema."""


class MissingExtra(PingchaError):
    """An optional dependency is not installed."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(f"{package} is not installed; run: pip install 'pingcha[{extra}]'")
