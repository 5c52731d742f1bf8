NAME = "pkg"
from . import helper
