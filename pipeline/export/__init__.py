"""Exports of the flag list."""

from .mask import mask_text
from .writers import WRITERS, write_csv, write_jsonl

__all__ = ["WRITERS", "mask_text", "write_csv", "write_jsonl"]
