"""What every command shares: error handling, detector options, a progress bar on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click
from rich.progress import Progress

from .errors import PingchaError
from .screen import ScreenOptions


def friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Library errors become one clear line and a non-zero exit; Ctrl-C says how to resume."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except PingchaError as e:
            raise click.ClickException(str(e)) from e
        except KeyError as e:  # load_detectors: unknown detector names
            raise click.ClickException(str(e.args[0]) if e.args else str(e)) from e
        except KeyboardInterrupt:
            click.echo("interrupted: what was screened is stored; run the same command again to resume", err=True)
            sys.exit(130)

    return wrapper


def screen_options(detectors: str | None, *, simplify: bool = False, strict: bool = False) -> ScreenOptions:
    """`--detectors a,b` and `--simplify` (always convert; by default only text that looks traditional)."""
    names = tuple(d.strip() for d in detectors.split(",") if d.strip()) if detectors else None
    return ScreenOptions(detectors=names, simplify=True if simplify else None, strict=strict)


def progress(label: str, *, transient: bool = False) -> Progress:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=Console(stderr=True), transient=transient,
    )  # fmt: skip
