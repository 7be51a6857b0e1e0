"""Rule detectors: one module per detector, each registered with `@register`."""

from .base import Context, Detector, load_detectors, register

__all__ = ["Context", "Detector", "load_detectors", "register"]
