"""Personal-data masking for exports: 公民身份号码, mobile numbers and bank card numbers.

Keeps enough to recognise the value (region and check digits, phone prefix) as court publications do.
"""

from __future__ import annotations

import re

_ID = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")
_ID15 = re.compile(r"(?<!\d)(\d{6})\d{6}(\d{3})(?!\d)")
_PHONE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_CARD = re.compile(r"(?<!\d)(\d{4})\d{8,11}(\d{4})(?!\d)")


def mask_text(text: str) -> str:
    text = _ID.sub(lambda m: m[1] + "*" * 8 + m[2], text)
    text = _CARD.sub(lambda m: m[1] + "*" * (len(m[0]) - 8) + m[2], text)
    text = _PHONE.sub(lambda m: m[1] + "****" + m[2], text)
    return _ID15.sub(lambda m: m[1] + "*" * 6 + m[2], text)
