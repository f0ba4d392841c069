"""Array type aliases shared by the whole package (private: not part of the public API).

One place for them, so that every module means the same dtype by the same name.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["BoolArray", "FloatArray", "Int8Array", "IntArray", "ObjectArray"]

FloatArray = npt.NDArray[np.float64]
"""A float64 numpy array (a plain float is accepted wherever one is)."""
IntArray = npt.NDArray[np.int64]
"""An int64 numpy array."""
Int8Array = npt.NDArray[np.int8]
"""An int8 numpy array (small codes: statuses, reasons)."""
BoolArray = npt.NDArray[np.bool_]
"""A boolean numpy array (masks)."""
ObjectArray = npt.NDArray[np.object_]
"""A numpy array of Python objects (strings, ``None``)."""
