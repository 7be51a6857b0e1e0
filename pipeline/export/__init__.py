"""Exports of the flag list."""

from .mask import mask_text
from .writers import WRITERS, excel_safe, write_csv, write_jsonl

__all__ = ["WRITERS", "excel_safe", "mask_text", "write_csv", "write_jsonl"]
