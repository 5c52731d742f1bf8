"""Every import form and __future__."""
from __future__ import annotations

import sys
import os.path
import os.path as osp
import collections.abc as cabc, json
from os import sep, path as p
from os.path import (join,
                     dirname as dn)
from . import sibling
from .. import parent
from .pkg import thing
from ...up.more import deep as d2


def lazy():
    import math
    from math import pi as PI, tau
    return math.sqrt(PI + tau)


def annotated(x: Unknown) -> Other:
    return x


class WithAnnotations:
    field: NotDefined = 1
